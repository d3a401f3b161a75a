package dev.kumo.investigate.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Renders a case as one self-contained HTML5 page: summary, incidents with their narratives, a
 * timeline chart, an ATT&amp;CK heat map, the top principals and a filterable findings table.
 *
 * <p>The page works offline and loads nothing: CSS and script are inline, charts are inline SVG drawn
 * here. Every log-derived string is escaped for HTML text or quoted attributes and never reaches
 * script, URLs or CSS. Its Content-Security-Policy forbids all network loads and allows only this
 * renderer's own script and style (by SHA-256 hash), so a planted script could not run even if
 * escaping failed. The same data always gives the same bytes (no wall clock, no hash-order
 * iteration). The findings table holds at most 20,000 rows (then the most severe findings, and says
 * so); each incident lists its first 25 findings. Stateless and thread-safe.
 */
public final class HtmlCaseReport {
  static final String CSS = resource("report.css");
  static final String SCRIPT = resource("report.js");
  /** The page's Content-Security-Policy. */
  static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(SCRIPT)
      + "'; img-src data:; base-uri 'none'; form-action 'none'";

  private HtmlCaseReport() {}

  /**
   * Writes the report of {@code data} to {@code out}, which should encode UTF-8 (the charset the page
   * declares). Does not close or flush {@code out}.
   *
   * @throws IOException when writing fails
   */
  public static void write(CaseReportData data, Writer out) throws IOException {
    try {
      render(data, new HtmlOut(out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void render(CaseReportData d, HtmlOut o) {
    o.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").raw(CSP).raw("\">\n")
        .raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<meta name=\"generator\" content=\"Kumo\">\n")
        .raw("<title>").text(d.summary().title()).raw("</title>\n")
        .raw("<style>").raw(CSS).raw("</style>\n</head>\n<body>\n");
    o.raw("<header class=\"top\"><div><h1>").text(d.summary().title()).raw("</h1><p class=\"muted\">Case <code>")
        .text(d.summary().caseName()).raw("</code> &middot; generated ").time(d.summary().generatedAt())
        .raw("</p></div>\n<nav><a href=\"#summary\">Summary</a><a href=\"#incidents\">Incidents</a>")
        .raw("<a href=\"#timeline\">Timeline</a><a href=\"#attack\">ATT&amp;CK</a>")
        .raw("<a href=\"#principals\">Principals</a><a href=\"#findings\">Findings</a></nav></header>\n<main>\n");
    SummarySection.write(d, o);
    IncidentSection.write(d, o);
    o.raw("<section id=\"timeline\"><h2>Timeline</h2>\n");
    TimelineChart.write(d.timeline(), o);
    o.raw("</section>\n<section id=\"attack\"><h2>ATT&amp;CK tactics and techniques</h2>\n");
    AttackHeatMap.write(d.findings(), o);
    o.raw("</section>\n");
    PrincipalTable.write(d.principals(), o);
    FindingTable.write(d, o);
    o.raw("</main>\n<footer class=\"muted\">Kumo case report &middot; all times UTC &middot; log text is shown "
        + "escaped, as it was recorded</footer>\n<script>").raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlCaseReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + HtmlCaseReport.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSP source expression for an inline element's text: {@code sha256-<base64>}. */
  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
