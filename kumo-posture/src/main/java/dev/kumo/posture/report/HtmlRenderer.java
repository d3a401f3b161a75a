package dev.kumo.posture.report;

import dev.kumo.text.Escape;
import java.util.List;

/**
 * Renders a {@link Doc} as one self-contained HTML page: no scripts, styles inline in the head, every value
 * through {@link Escape#html}, and a Content-Security-Policy that forbids scripts and remote loads.
 */
public final class HtmlRenderer {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;"
      + "vertical-align:top;font-size:14px}th{background:#f0f0f0}h1{font-size:24px}h2{font-size:19px;margin-top:1.6em}";

  public String render(Doc doc) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>").append(Escape.html(doc.title())).append("</title>\n<style>").append(STYLE)
        .append("</style></head>\n<body>\n<h1>").append(Escape.html(doc.title())).append("</h1>\n");
    for (Doc.Block b : doc.blocks()) {
      if (b instanceof Doc.Heading h) {
        sb.append("<h2>").append(Escape.html(h.text())).append("</h2>\n");
      } else if (b instanceof Doc.Para p) {
        sb.append("<p>").append(Escape.html(p.text())).append("</p>\n");
      } else if (b instanceof Doc.Bullets l) {
        sb.append("<ul>\n");
        l.items().forEach(i -> sb.append("<li>").append(Escape.html(i)).append("</li>\n"));
        sb.append("</ul>\n");
      } else if (b instanceof Doc.Table t) {
        sb.append("<table>\n<tr>");
        t.headers().forEach(h -> sb.append("<th>").append(Escape.html(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
          sb.append("<tr>");
          r.forEach(c -> sb.append("<td>").append(Escape.html(c).replace("\n", "<br>")).append("</td>"));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }
}
