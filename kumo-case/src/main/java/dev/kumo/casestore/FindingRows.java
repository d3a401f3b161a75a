package dev.kumo.casestore;

import dev.kumo.attack.Tactic;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.finding.FindingRule;
import dev.kumo.incident.FindingKey;
import dev.kumo.intel.IntelHit;
import dev.kumo.sigma.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.jspecify.annotations.Nullable;

/** Writes findings as {@code findings} rows and reads them back as equal {@link Finding}s. */
final class FindingRows {
  /** The columns in table order, without {@code load_id}. */
  static final String COLUMNS = "rule_id, rule_name, rule_title, level, rule_source, author, license, techniques,"
      + " tactics, threats, reason, evidence, event_id, time, source, account, region, principal, principal_type,"
      + " access_key, source_ip, destination, user_agent, service, operation, error_code, resources, file, line,"
      + " correlation_type, correlation_group, correlation_keys, correlation_values, correlation_events,"
      + " correlation_event_count, correlation_value, correlation_first_time, suppressed_by, intel";

  private FindingRows() {}

  /** Appends {@code f} to a table with {@link #COLUMNS}. */
  static void append(DuckDBAppender a, Finding f) throws SQLException {
    FindingRule r = f.rule();
    EventSummary e = f.event();
    CorrelationInfo c = f.correlation();
    a.beginRow();
    a.append(r.id());
    Rows.str(a, r.name());
    a.append(r.title());
    a.append(r.level().id());
    a.append(r.source());
    Rows.str(a, r.author());
    Rows.str(a, r.license());
    a.append(r.techniques());
    a.append(r.tactics().stream().map(Tactic::displayName).toList());
    a.append(r.threats());
    a.append(f.reason());
    a.append(f.evidence());
    a.append(e.id());
    Rows.time(a, e.time());
    a.append(e.source());
    Rows.str(a, e.account());
    Rows.str(a, e.region());
    Rows.str(a, e.principal());
    Rows.str(a, e.principalType());
    Rows.str(a, e.accessKeyId());
    Rows.str(a, e.sourceIp());
    Rows.str(a, e.destination());
    Rows.str(a, e.userAgent());
    Rows.str(a, e.service());
    Rows.str(a, e.operation());
    Rows.str(a, e.errorCode());
    a.append(e.resources());
    a.append(e.file());
    a.append(e.line());
    Rows.str(a, c == null ? null : c.type());
    a.append(c == null ? "" : FindingKey.group(c.group()));
    Rows.list(a, c == null ? null : List.copyOf(c.group().keySet()));
    Rows.list(a, c == null ? null : List.copyOf(c.group().values()));
    Rows.list(a, c == null ? null : c.eventIds());
    if (c == null) {
      a.appendNull();
      a.appendNull();
      a.appendNull();
    } else {
      a.append(c.eventCount());
      a.append(c.value());
      Rows.time(a, c.firstTime());
    }
    Rows.str(a, f.suppressedBy());
    a.append(e.intel().stream().map(IntelHit::describe).toList());
    a.endRow();
  }

  /** Every finding of the case, in {@link FindingOrder}; rules with equal ids share one instance. */
  static List<Finding> readAll(Connection conn) throws SQLException {
    return read(conn, "");
  }

  /** The findings load {@code loadId} added (not those the case already had), in {@link FindingOrder}. */
  static List<Finding> readLoad(Connection conn, int loadId) throws SQLException {
    return read(conn, " WHERE load_id = " + loadId);
  }

  private static List<Finding> read(Connection conn, String where) throws SQLException {
    List<Finding> out = new ArrayList<>();
    Map<List<Object>, FindingRule> rules = new HashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM findings" + where)) {
      while (rs.next()) {
        out.add(read(rs, rules));
      }
    }
    out.sort(FindingOrder.ORDER);
    return out;
  }

  private static Finding read(ResultSet rs, Map<List<Object>, FindingRule> rules) throws SQLException {
    Level level = Objects.requireNonNull(Level.parse(rs.getString("level")), "level");
    List<Tactic> tactics = new ArrayList<>();
    for (String t : list(rs, "tactics")) {
      Tactic tactic = Tactic.parse(t);
      if (tactic != null) {
        tactics.add(tactic);
      }
    }
    FindingRule fresh = new FindingRule(level, rs.getString("rule_id"), rs.getString("rule_name"),
        rs.getString("rule_title"), rs.getString("author"), rs.getString("license"), rs.getString("rule_source"),
        list(rs, "techniques"), tactics, list(rs, "threats"));
    FindingRule rule = rules.computeIfAbsent(List.of(fresh), k -> fresh);
    Instant time = Objects.requireNonNull(Rows.instant(rs.getObject("time")), "time");
    EventSummary e = new EventSummary(rs.getString("event_id"), time, rs.getString("source"),
        rs.getString("account"), rs.getString("region"), rs.getString("principal"), rs.getString("principal_type"),
        rs.getString("access_key"), rs.getString("source_ip"), rs.getString("destination"),
        rs.getString("user_agent"), rs.getString("service"), rs.getString("operation"), rs.getString("error_code"),
        list(rs, "resources"), rs.getString("file"), rs.getLong("line"));
    CorrelationInfo c = null;
    String type = rs.getString("correlation_type");
    if (type != null) {
      List<String> keys = list(rs, "correlation_keys");
      List<String> values = list(rs, "correlation_values");
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        group.put(keys.get(i), values.get(i));
      }
      c = new CorrelationInfo(type, group, list(rs, "correlation_events"), rs.getLong("correlation_event_count"),
          rs.getDouble("correlation_value"), Objects.requireNonNull(Rows.instant(rs.getObject("correlation_first_time"))));
    }
    return new Finding(rule, e, c, rs.getString("reason"), list(rs, "evidence"), rs.getString("suppressed_by"));
  }

  private static List<String> list(ResultSet rs, String column) throws SQLException {
    @Nullable List<String> l = Rows.strings(rs.getObject(column));
    return l == null ? List.of() : l;
  }
}
