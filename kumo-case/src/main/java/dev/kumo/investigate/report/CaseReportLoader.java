package dev.kumo.investigate.report;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.finding.Finding;
import dev.kumo.incident.Incident;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Reads what the HTML report shows out of a case. */
public final class CaseReportLoader {
  /** Principals shown in the report. */
  static final int TOP_PRINCIPALS = 25;
  /** About this many bars in the timeline chart. */
  static final int BUCKETS = 60;
  private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
      Duration.ofDays(1), Duration.ofDays(7));

  private final CaseQuery query;

  public CaseReportLoader(CaseQuery query) {
    this.query = query;
  }

  /**
   * The report data of the case; incidents most severe first (then oldest first), suppressed
   * findings left out of the counts. The report is dated by the case's last finished load, so one
   * case always renders to the same bytes.
   */
  public CaseReportData load(String caseName) throws IOException {
    List<Finding> findings = query.findings();
    List<Incident> incidents = new ArrayList<>(query.incidents());
    incidents.sort(Comparator.comparing((Incident i) -> -i.level().ordinal()).thenComparing(Incident::firstSeen)
        .thenComparing(Incident::id));
    return new CaseReportData(summary(caseName, findings), incidents, findings, principals(),
        timeline(findings));
  }

  private CaseSummary summary(String caseName, List<Finding> findings) throws IOException {
    List<@Nullable Object> totals = query.rows("SELECT count(*), min(time), max(time),"
        + " list_sort(list(DISTINCT account) FILTER (WHERE account IS NOT NULL)),"
        + " list_sort(list(DISTINCT region) FILTER (WHERE region IS NOT NULL)) FROM events", List.of()).get(0);
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (List<@Nullable Object> r : query.rows("SELECT source, count(*) FROM events GROUP BY 1 ORDER BY 1",
        List.of())) {
      bySource.put((String) r.get(0), ((Number) r.get(1)).longValue());
    }
    List<CaseLoad> loads = new ArrayList<>();
    for (List<@Nullable Object> r : query.rows("SELECT load_id, started, finished, coalesce(events_added, 0),"
        + " coalesce(findings_added, 0) FROM loads ORDER BY load_id", List.of())) {
      loads.add(new CaseLoad(((Number) r.get(0)).intValue(), CaseQuery.instant(r.get(1)),
          r.get(2) == null ? null : CaseQuery.instant(r.get(2)), ((Number) r.get(3)).longValue(),
          ((Number) r.get(4)).longValue()));
    }
    Instant generatedAt = loads.stream().map(CaseLoad::finished).filter(Objects::nonNull).max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
    return new CaseSummary("Case " + caseName, caseName, generatedAt, ((Number) totals.get(0)).longValue(),
        byLevel(findings), bySource, strings(totals.get(3)), strings(totals.get(4)),
        totals.get(1) == null ? null : CaseQuery.instant(totals.get(1)),
        totals.get(2) == null ? null : CaseQuery.instant(totals.get(2)), loads);
  }

  private List<PrincipalActivity> principals() throws IOException {
    List<PrincipalActivity> out = new ArrayList<>();
    for (List<@Nullable Object> r : query.rows("SELECT principal, principal_type, first_seen, last_seen, accounts,"
        + " regions, source_ips, user_agents, events, errors, findings FROM principals"
        + " ORDER BY findings DESC, events DESC, principal LIMIT ?", List.of(TOP_PRINCIPALS))) {
      out.add(new PrincipalActivity((String) r.get(0), (String) r.get(1), CaseQuery.instant(r.get(2)),
          CaseQuery.instant(r.get(3)), strings(r.get(4)), strings(r.get(5)), strings(r.get(6)), strings(r.get(7)),
          ((Number) r.get(8)).longValue(), ((Number) r.get(9)).longValue(), ((Number) r.get(10)).longValue()));
    }
    return out;
  }

  /** Events and findings per bucket, the bucket width picked so the case's span gives about {@link #BUCKETS} bars. */
  private List<TimelineBucket> timeline(List<Finding> findings) throws IOException {
    List<@Nullable Object> span = query.rows("SELECT min(time), max(time) FROM events", List.of()).get(0);
    if (span.get(0) == null) {
      return List.of();
    }
    Instant first = CaseQuery.instant(span.get(0));
    Instant last = CaseQuery.instant(Objects.requireNonNull(span.get(1)));
    Duration width = WIDTHS.get(WIDTHS.size() - 1);
    for (Duration d : WIDTHS) {
      if (Duration.between(first, last).dividedBy(d) <= BUCKETS) {
        width = d;
        break;
      }
    }
    long seconds = width.toSeconds();
    Map<Instant, Long> events = new TreeMap<>();
    for (List<@Nullable Object> r : query.rows("SELECT epoch(time)::BIGINT // ? * ? AS b, count(*) FROM events"
        + " GROUP BY b ORDER BY b", List.of(seconds, seconds))) {
      events.put(Instant.ofEpochSecond(((Number) r.get(0)).longValue()), ((Number) r.get(1)).longValue());
    }
    Map<Instant, Map<Level, Long>> byBucket = new TreeMap<>();
    for (Finding f : findings) {
      if (f.suppressedBy() == null) {
        Instant b = Instant.ofEpochSecond(Math.floorDiv(f.time().getEpochSecond(), seconds) * seconds);
        byBucket.computeIfAbsent(b, k -> new EnumMap<>(Level.class)).merge(f.level(), 1L, Long::sum);
      }
    }
    List<TimelineBucket> out = new ArrayList<>();
    TreeMap<Instant, Long> all = new TreeMap<>(events);
    byBucket.keySet().forEach(b -> all.putIfAbsent(b, 0L));
    for (Map.Entry<Instant, Long> e : all.entrySet()) {
      out.add(new TimelineBucket(e.getKey(), e.getValue(), byBucket.getOrDefault(e.getKey(), Map.of())));
    }
    return out;
  }

  private static Map<Level, Long> byLevel(List<Finding> findings) {
    Map<Level, Long> out = new EnumMap<>(Level.class);
    for (Finding f : findings) {
      if (f.suppressedBy() == null) {
        out.merge(f.level(), 1L, Long::sum);
      }
    }
    return out;
  }

  private static List<String> strings(@Nullable Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object item : l) {
        if (item != null) {
          out.add(item.toString());
        }
      }
    }
    return out;
  }
}
