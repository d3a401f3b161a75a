package dev.kumo.investigate.report;

import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.incident.Incident;
import java.util.List;

/**
 * Everything the case report shows, as plain values (no database needed to build one). All strings
 * that come from logs are raw: the renderer escapes them. Immutable.
 *
 * @param summary the case's headline numbers
 * @param incidents the case's incidents, most important first (shown in this order)
 * @param findings all findings of the case; sorted here by {@link FindingOrder}
 * @param principals the top principals, in the order to show them (e.g. most findings first)
 * @param timeline activity per time bucket, oldest first (see {@link TimelineBucket})
 */
public record CaseReportData(CaseSummary summary, List<Incident> incidents, List<Finding> findings,
    List<PrincipalActivity> principals, List<TimelineBucket> timeline) {
  public CaseReportData {
    incidents = List.copyOf(incidents);
    findings = findings.stream().sorted(FindingOrder.ORDER).toList();
    principals = List.copyOf(principals);
    timeline = timeline.stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
  }
}
