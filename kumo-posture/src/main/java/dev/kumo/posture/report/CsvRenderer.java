package dev.kumo.posture.report;

import dev.kumo.text.Escape;
import java.util.List;

/** Renders one {@link Doc.Table} as CSV (RFC 4180, CRLF line ends); every cell through {@link Escape#csv}. */
public final class CsvRenderer {
  public String render(Doc.Table table) {
    StringBuilder sb = new StringBuilder();
    row(sb, table.headers());
    table.rows().forEach(r -> row(sb, r));
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Escape.csv(cells.get(i)));
    }
    sb.append("\r\n");
  }
}
