package dev.kumo.casestore;

import dev.kumo.attack.Tactic;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.Incident;
import dev.kumo.incident.NarrativeStep;
import dev.kumo.sigma.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the incidents a load stored back as {@link Incident}s. */
final class IncidentRows {
  private IncidentRows() {}

  static List<Incident> readAll(Connection conn) throws SQLException {
    Map<String, List<NarrativeStep>> steps = new HashMap<>();
    Map<String, List<FindingKey>> members = new HashMap<>();
    try (Statement s = conn.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT incident_id, tactic, first_seen, last_seen, level, techniques, text,"
          + " findings FROM incident_steps ORDER BY incident_id, step")) {
        while (rs.next()) {
          steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new NarrativeStep(
              Objects.requireNonNull(Tactic.parse(rs.getString(2)), "tactic"), instant(rs, 3), instant(rs, 4),
              level(rs.getString(5)), strings(rs, 6), rs.getString(7), rs.getInt(8)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT incident_id, rule_id, event_id, correlation_group"
          + " FROM incident_findings ORDER BY rowid")) {
        while (rs.next()) {
          members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new FindingKey(rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      List<Incident> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT incident_id, title, level, first_seen, last_seen, principals,"
          + " access_keys, accounts, regions, source_ips, resources, threats, techniques, why FROM incidents"
          + " ORDER BY first_seen, incident_id")) {
        while (rs.next()) {
          String id = rs.getString(1);
          out.add(new Incident(id, rs.getString(2), level(rs.getString(3)), instant(rs, 4), instant(rs, 5),
              strings(rs, 6), strings(rs, 7), strings(rs, 8), strings(rs, 9), strings(rs, 10), strings(rs, 11),
              strings(rs, 12), strings(rs, 13), steps.getOrDefault(id, List.of()), strings(rs, 14),
              members.getOrDefault(id, List.of())));
        }
      }
      return out;
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return Objects.requireNonNull(Rows.instant(rs.getObject(column)), "time");
  }

  private static Level level(String id) {
    return Objects.requireNonNull(Level.parse(id), "level");
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    List<String> l = Rows.strings(rs.getObject(column));
    return l == null ? List.of() : l;
  }
}
