package dev.kumo.investigate.report;

import dev.kumo.sigma.Level;
import java.util.Map;

/** The summary: count cards, findings per level, the case's scope and its loads. */
final class SummarySection {
  private static final int MAX_LISTED = 30;

  private SummarySection() {}

  static void write(CaseReportData d, HtmlOut o) {
    CaseSummary s = d.summary();
    o.raw("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">\n");
    card(o, "Events", s.events());
    card(o, "Findings", s.findings());
    card(o, "Incidents", d.incidents().size());
    card(o, "Principals", d.principals().size());
    card(o, "Accounts", s.accounts().size());
    card(o, "Sources", s.eventsBySource().size());
    o.raw("</div>\n<div class=\"levels\" aria-label=\"Findings by level\">");
    for (int i = Level.values().length - 1; i >= 0; i--) {
      Level l = Level.values()[i];
      o.raw("<span class=\"levelcount\">").level(l).raw(" <strong>")
          .num(s.findingsByLevel().getOrDefault(l, 0L)).raw("</strong></span>");
    }
    o.raw("</div>\n<dl class=\"scope\">\n<dt>Time span</dt><dd>").time(s.firstEvent()).raw(" &ndash; ")
        .time(s.lastEvent()).raw("</dd>\n<dt>Sources</dt><dd>");
    if (s.eventsBySource().isEmpty()) {
      o.raw("-");
    }
    boolean first = true;
    for (Map.Entry<String, Long> en : s.eventsBySource().entrySet()) {
      o.raw(first ? "" : ", ").raw("<code>").text(en.getKey()).raw("</code> ").num(en.getValue());
      first = false;
    }
    o.raw("</dd>\n<dt>Accounts</dt><dd>").list(s.accounts(), MAX_LISTED).raw("</dd>\n<dt>Regions</dt><dd>")
        .list(s.regions(), MAX_LISTED).raw("</dd>\n</dl>\n");
    if (!s.loads().isEmpty()) {
      o.raw("<details class=\"loads\"><summary>Loads (").num(s.loads().size()).raw(")</summary>\n")
          .raw("<table><thead><tr><th>Load</th><th>Started</th><th>Finished</th><th class=\"n\">Events added</th>")
          .raw("<th class=\"n\">Findings added</th></tr></thead><tbody>\n");
      for (CaseLoad l : s.loads()) {
        o.raw("<tr><td class=\"n\">").num(l.loadId()).raw("</td><td>").time(l.started()).raw("</td><td>")
            .time(l.finished()).raw("</td><td class=\"n\">").num(l.eventsAdded()).raw("</td><td class=\"n\">")
            .num(l.findingsAdded()).raw("</td></tr>\n");
      }
      o.raw("</tbody></table></details>\n");
    }
    o.raw("</section>\n");
  }

  private static void card(HtmlOut o, String label, long n) {
    o.raw("<div class=\"card\"><div class=\"n\">").num(n).raw("</div><div class=\"label\">").raw(label)
        .raw("</div></div>\n");
  }
}
