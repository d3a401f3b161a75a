package dev.kumo.casestore;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.GroupingOptions;
import dev.kumo.incident.IdentityChains;
import dev.kumo.incident.Incident;
import dev.kumo.incident.IncidentGrouper;
import dev.kumo.incident.NarrativeStep;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Recomputes a case's incidents from all its findings and identity links and stores them. */
final class IncidentTables {
  private IncidentTables() {}

  /** Replaces {@code incidents}, {@code incident_steps} and {@code incident_findings}; returns the incidents. */
  static List<Incident> rebuild(DuckDBConnection conn, GroupingOptions options) throws SQLException {
    List<Finding> findings = FindingRows.readAll(conn);
    IdentityChains chains = new IdentityChains(LinkRows.readAll(conn));
    List<Incident> incidents = new IncidentGrouper(options, AttackCatalog.bundled()).group(findings, chains);
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN TRANSACTION");
      s.execute("DELETE FROM incidents");
      s.execute("DELETE FROM incident_steps");
      s.execute("DELETE FROM incident_findings");
      try (DuckDBAppender inc = conn.createAppender("incidents");
          DuckDBAppender steps = conn.createAppender("incident_steps");
          DuckDBAppender members = conn.createAppender("incident_findings")) {
        for (Incident i : incidents) {
          append(inc, i);
          int n = 0;
          for (NarrativeStep st : i.narrative()) {
            steps.beginRow();
            steps.append(i.id());
            steps.append(n++);
            steps.append(st.tactic().displayName());
            Rows.time(steps, st.first());
            Rows.time(steps, st.last());
            steps.append(st.level().id());
            steps.append(st.techniques());
            steps.append(st.text());
            steps.append(st.findings());
            steps.endRow();
          }
          for (FindingKey k : i.findings()) {
            members.beginRow();
            members.append(i.id());
            members.append(k.ruleId());
            members.append(k.eventId());
            members.append(k.group());
            members.endRow();
          }
        }
      }
      s.execute("COMMIT");
    }
    return incidents;
  }

  private static void append(DuckDBAppender a, Incident i) throws SQLException {
    a.beginRow();
    a.append(i.id());
    a.append(i.title());
    a.append(i.level().id());
    Rows.time(a, i.firstSeen());
    Rows.time(a, i.lastSeen());
    a.append(i.principals());
    a.append(i.accessKeys());
    a.append(i.accounts());
    a.append(i.regions());
    a.append(i.sourceIps());
    a.append(i.resources());
    a.append(i.threats());
    a.append(i.techniques());
    a.append(i.narrative().stream().map(s -> s.tactic()).map(Tactic::displayName).toList());
    a.append(i.why());
    a.append((long) i.findings().size());
    a.endRow();
  }
}
