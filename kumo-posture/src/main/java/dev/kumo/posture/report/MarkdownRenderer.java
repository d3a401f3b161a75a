package dev.kumo.posture.report;

import dev.kumo.text.Escape;
import java.util.List;

/** Renders a {@link Doc} as GitHub-flavoured Markdown; every value goes through {@link Escape#markdown}. */
public final class MarkdownRenderer {
  public String render(Doc doc) {
    StringBuilder sb = new StringBuilder("# ").append(Escape.markdown(doc.title())).append("\n");
    for (Doc.Block b : doc.blocks()) {
      if (b instanceof Doc.Heading h) {
        sb.append("\n## ").append(Escape.markdown(h.text())).append("\n\n");
      } else if (b instanceof Doc.Para p) {
        sb.append(Escape.markdown(p.text())).append("\n\n");
      } else if (b instanceof Doc.Bullets l) {
        l.items().forEach(i -> sb.append("- ").append(Escape.markdown(i)).append('\n'));
        sb.append('\n');
      } else if (b instanceof Doc.Table t) {
        row(sb, t.headers());
        sb.append('|').append(" --- |".repeat(t.headers().size())).append('\n');
        t.rows().forEach(r -> row(sb, r));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(Escape.markdown(c).replace("\n", "<br>")).append(" |");
    }
    sb.append('\n');
  }
}
