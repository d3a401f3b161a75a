package dev.kumo.investigate.report;

import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.Incident;
import dev.kumo.sigma.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings table with its filter controls. Rows are escaped HTML; the page's script filters
 * them by reading the DOM ({@code textContent} and the {@code data-rank}/{@code data-incidents}
 * attributes) and only toggles {@code hidden}, so no data ever becomes script or markup.
 */
final class FindingTable {
  /** Rows written at most; past it the most severe findings are kept and the table says so. */
  static final int MAX_ROWS = 20_000;
  private static final int MAX_TITLE = 80;
  private static final int MAX_RESOURCES = 3;

  private FindingTable() {}

  static void write(CaseReportData d, HtmlOut o) {
    Map<FindingKey, List<String>> incidentsOf = new HashMap<>();
    for (Incident inc : d.incidents()) {
      for (FindingKey k : inc.findings()) {
        incidentsOf.computeIfAbsent(k, x -> new ArrayList<>()).add(inc.id());
      }
    }
    List<Finding> rows = rows(d.findings());
    o.raw("<section id=\"findings\"><h2>Findings</h2>\n");
    if (rows.size() < d.findings().size()) {
      o.raw("<p class=\"note\">Showing the ").num(rows.size()).raw(" most severe of ").num(d.findings().size())
          .raw(" findings; query the case for the rest.</p>\n");
    }
    o.raw("<div class=\"filters\" role=\"search\">\n<label>Text <input type=\"search\" id=\"filter-text\" ")
        .raw("placeholder=\"words in any column\" autocomplete=\"off\" spellcheck=\"false\"></label>\n")
        .raw("<label>Level <select id=\"filter-level\"><option value=\"\">any</option>");
    for (int i = Level.values().length - 1; i >= 0; i--) {
      o.raw("<option value=\"").num(i).raw("\">").raw(Level.values()[i].id())
          .raw(i == Level.values().length - 1 ? "" : " and above").raw("</option>");
    }
    o.raw("</select></label>\n<label>Incident <select id=\"filter-incident\"><option value=\"\">any</option>")
        .raw("<option value=\"-\">not in an incident</option>");
    for (Incident inc : d.incidents()) {
      o.raw("<option value=\"").text(inc.id()).raw("\">").text(inc.id()).raw(": ").text(cut(inc.title()))
          .raw("</option>");
    }
    o.raw("</select></label>\n<output id=\"filter-count\" aria-live=\"polite\">").num(rows.size())
        .raw(" findings</output>\n</div>\n");
    if (rows.isEmpty()) {
      o.raw("<p class=\"empty\">No findings.</p>\n");
    }
    o.raw("<div class=\"scroll\"><table id=\"findings-table\" class=\"findings\"><thead><tr><th>Time</th>")
        .raw("<th>Level</th><th>Rule</th><th>ATT&amp;CK</th><th>Principal</th><th>Source IP</th>")
        .raw("<th>Account / region</th><th>User agent</th><th>Resources</th><th>Reason</th><th>Incident</th>")
        .raw("</tr></thead><tbody>\n");
    for (Finding f : rows) {
      List<String> incs = incidentsOf.getOrDefault(FindingKey.of(f), List.of());
      o.raw("<tr data-rank=\"").num(f.level().ordinal()).raw("\" data-incidents=\"")
          .text(incs.isEmpty() ? "-" : String.join(" ", incs)).raw("\"><td>").time(f.time()).raw("</td><td>")
          .level(f.level());
      if (f.suppressedBy() != null) {
        o.raw(" <span class=\"muted\">suppressed by ").text(f.suppressedBy()).raw("</span>");
      }
      o.raw("</td><td>").text(f.ruleTitle()).raw("<br><code class=\"muted\">").text(f.ruleId())
          .raw("</code></td><td>").text(String.join(", ", f.tacticNames()));
      if (!f.primaryTechnique().isEmpty()) {
        o.raw("<br><code>").text(f.primaryTechnique()).raw("</code>");
      }
      o.raw("</td><td class=\"wide\"><code>").text(f.event().principal()).raw("</code></td><td><code>")
          .text(f.event().sourceIp()).raw("</code></td><td>").text(f.event().account()).raw("<br>")
          .text(f.event().region()).raw("</td><td class=\"ua wide\">").text(f.event().userAgent())
          .raw("</td><td class=\"wide\">").list(f.event().resources(), MAX_RESOURCES)
          .raw("</td><td class=\"wide\">").text(f.reason()).raw("</td><td>")
          .list(incs, MAX_RESOURCES).raw("</td></tr>\n");
    }
    o.raw("</tbody></table></div>\n</section>\n");
  }

  /** The findings to show: all of them, or the {@link #MAX_ROWS} most severe, in finding order. */
  static List<Finding> rows(List<Finding> findings) {
    if (findings.size() <= MAX_ROWS) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>(findings);
    kept.sort(Comparator.comparing(Finding::level).reversed().thenComparing(FindingOrder.ORDER));
    kept = new ArrayList<>(kept.subList(0, MAX_ROWS));
    kept.sort(FindingOrder.ORDER);
    return kept;
  }

  private static String cut(String s) {
    if (s.length() <= MAX_TITLE) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(MAX_TITLE - 2)) ? MAX_TITLE - 2 : MAX_TITLE - 1;
    return s.substring(0, end) + "\u2026";
  }
}
