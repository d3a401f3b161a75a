package dev.kumo.posture.report;

import dev.kumo.text.Escape;
import java.util.List;

/**
 * Renders a {@link Doc} for a terminal: aligned columns, wide columns cut to fit {@code width}, every value
 * made safe with {@link Escape#terminal}.
 */
public final class TextRenderer {
  /** A width that never cuts: for files and pipes. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private final int width;

  /**
   * @param width the terminal width; wide columns are cut, in the table's order of wide columns, so rows fit
   *     (at least 20 characters kept)
   */
  public TextRenderer(int width) {
    this.width = Math.max(60, width);
  }

  public String render(Doc doc) {
    StringBuilder sb = new StringBuilder();
    sb.append(Escape.terminal(doc.title())).append('\n');
    for (Doc.Block b : doc.blocks()) {
      if (b instanceof Doc.Heading h) {
        sb.append('\n').append(Escape.terminal(h.text())).append('\n');
      } else if (b instanceof Doc.Para p) {
        sb.append(Escape.terminal(p.text())).append('\n');
      } else if (b instanceof Doc.Bullets l) {
        l.items().forEach(i -> sb.append("  - ").append(Escape.terminal(i)).append('\n'));
      } else if (b instanceof Doc.Table t) {
        table(sb, t);
      }
    }
    return sb.toString();
  }

  private void table(StringBuilder sb, Doc.Table t) {
    int n = t.headers().size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = t.headers().get(i).length();
    }
    for (List<String> row : t.rows()) {
      for (int i = 0; i < n && i < row.size(); i++) {
        w[i] = Math.max(w[i], Escape.terminal(row.get(i)).length());
      }
    }
    int total = 0;
    for (int x : w) {
      total += x + 2;
    }
    for (int i : t.wide()) {
      if (total > width && i < n) {
        int cut = Math.max(20, w[i] - (total - width));
        total -= w[i] - cut;
        w[i] = Math.min(w[i], cut);
      }
    }
    line(sb, t.headers(), w);
    for (List<String> row : t.rows()) {
      line(sb, row, w);
    }
  }

  private static void line(StringBuilder sb, List<String> cells, int[] w) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? Escape.terminal(cells.get(i)) : "";
      if (c.length() > w[i]) {
        c = c.substring(0, Math.max(0, w[i] - 1)) + "…";
      }
      line.append(c);
      if (i < w.length - 1) {
        line.append(" ".repeat(w[i] - c.length() + 2));
      }
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
