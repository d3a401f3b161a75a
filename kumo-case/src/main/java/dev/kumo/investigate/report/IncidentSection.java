package dev.kumo.investigate.report;

import dev.kumo.finding.Finding;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.Incident;
import dev.kumo.incident.NarrativeStep;
import dev.kumo.text.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The incidents: each with its scope, its attack chain, why its findings are together, and its findings. */
final class IncidentSection {
  /** Findings listed under one incident; the findings table shows them all. */
  static final int MAX_FINDINGS_SHOWN = 25;
  private static final int MAX_LISTED = 12;

  private IncidentSection() {}

  static void write(CaseReportData d, HtmlOut o) {
    o.raw("<section id=\"incidents\"><h2>Incidents</h2>\n");
    if (d.incidents().isEmpty()) {
      o.raw("<p class=\"empty\">No incidents: no findings were grouped into an attack.</p>\n");
    }
    Map<FindingKey, Finding> byKey = new HashMap<>();
    for (Finding f : d.findings()) {
      byKey.putIfAbsent(FindingKey.of(f), f);
    }
    int n = 0;
    for (Incident inc : d.incidents()) {
      incident(inc, ++n, byKey, o);
    }
    o.raw("</section>\n");
  }

  private static void incident(Incident inc, int n, Map<FindingKey, Finding> byKey, HtmlOut o) {
    o.raw("<article class=\"incident lv-").raw(inc.level().id()).raw("\" id=\"incident-").num(n).raw("\">\n")
        .raw("<header>").level(inc.level()).raw(" <h3 class=\"incident-title\">").text(inc.title())
        .raw("</h3> <code class=\"muted\">").text(inc.id()).raw("</code></header>\n<p class=\"span\">")
        .time(inc.firstSeen()).raw(" &ndash; ").time(inc.lastSeen()).raw(" <span class=\"muted\">(")
        .raw(Durations.compact(Duration.between(inc.firstSeen(), inc.lastSeen()))).raw(", ").num(inc.findings().size())
        .raw(inc.findings().size() == 1 ? " finding" : " findings").raw(")</span></p>\n<dl class=\"facts\">\n");
    fact(o, "Principals", inc.principals());
    fact(o, "Access keys", inc.accessKeys());
    fact(o, "Accounts", inc.accounts());
    fact(o, "Regions", inc.regions());
    fact(o, "Source IPs", inc.sourceIps());
    fact(o, "Resources", inc.resources());
    fact(o, "Threats", inc.threats());
    fact(o, "Techniques", inc.techniques());
    o.raw("</dl>\n<h4>Attack chain</h4>\n<ol class=\"chain\">\n");
    for (NarrativeStep s : inc.narrative()) {
      o.raw("<li class=\"step lv-").raw(s.level().id()).raw("\"><div class=\"tactic\">")
          .text(s.tactic().displayName());
      if (!s.tactic().id().isEmpty()) {
        o.raw(" <span class=\"muted\">").text(s.tactic().id()).raw("</span>");
      }
      o.raw("</div><div class=\"stepmeta\">").level(s.level()).raw(" ").time(s.first()).raw(" &ndash; ")
          .time(s.last()).raw(" &middot; ").num(s.findings()).raw(s.findings() == 1 ? " finding" : " findings");
      if (!s.techniques().isEmpty()) {
        o.raw(" &middot; ").list(s.techniques(), MAX_LISTED);
      }
      o.raw("</div><p>").text(s.text()).raw("</p></li>\n");
    }
    o.raw("</ol>\n");
    if (!inc.why().isEmpty()) {
      o.raw("<h4>Why these findings belong together</h4>\n<ul class=\"why\">\n");
      for (String w : inc.why()) {
        o.raw("<li>").text(w).raw("</li>\n");
      }
      o.raw("</ul>\n");
    }
    o.raw("<details class=\"members\" open><summary>Findings (").num(inc.findings().size()).raw(")</summary>\n")
        .raw("<table><thead><tr><th>Time</th><th>Level</th><th>Rule</th><th>Principal</th><th>Source IP</th>")
        .raw("<th>Reason</th></tr></thead><tbody>\n");
    List<FindingKey> keys = inc.findings();
    for (FindingKey k : keys.subList(0, Math.min(MAX_FINDINGS_SHOWN, keys.size()))) {
      @Nullable Finding f = byKey.get(k);
      if (f == null) {
        o.raw("<tr><td colspan=\"6\" class=\"muted\">Not in this report: rule <code>").text(k.ruleId())
            .raw("</code>, event <code>").text(k.eventId()).raw("</code></td></tr>\n");
        continue;
      }
      o.raw("<tr><td>").time(f.time()).raw("</td><td>").level(f.level()).raw("</td><td>").text(f.ruleTitle())
          .raw("</td><td><code>").text(f.event().principal()).raw("</code></td><td><code>")
          .text(f.event().sourceIp()).raw("</code></td><td>").text(f.reason()).raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    if (keys.size() > MAX_FINDINGS_SHOWN) {
      o.raw("<p class=\"muted\">").num(keys.size() - MAX_FINDINGS_SHOWN).raw(" more in the findings table.</p>\n");
    }
    o.raw("<p><a href=\"#findings\" class=\"show-findings\" data-incident=\"").text(inc.id())
        .raw("\">Show this incident&rsquo;s findings in the findings table</a></p>\n</details>\n</article>\n");
  }

  private static void fact(HtmlOut o, String label, List<String> values) {
    if (!values.isEmpty()) {
      o.raw("<dt>").raw(label).raw("</dt><dd>").list(values, MAX_LISTED).raw("</dd>\n");
    }
  }
}
