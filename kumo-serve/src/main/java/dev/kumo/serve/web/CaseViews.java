package dev.kumo.serve.web;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.finding.Finding;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.Incident;
import dev.kumo.investigate.AttackCounts;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the pages and the API show, read from one {@link CaseQuery}. Values from logs stay raw here. */
final class CaseViews {
  /** About this many buckets in the overview's time table. */
  static final int BUCKETS = 30;
  private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
      Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1),
      Duration.ofDays(7), Duration.ofDays(30));

  private final CaseQuery query;

  CaseViews(CaseQuery query) {
    this.query = query;
  }

  /** The incidents, most severe first, then oldest first. */
  List<Incident> incidents() throws IOException {
    List<Incident> out = new ArrayList<>(query.incidents());
    out.sort(Comparator.comparing((Incident i) -> -i.level().ordinal()).thenComparing(Incident::firstSeen)
        .thenComparing(Incident::id));
    return out;
  }

  Optional<Incident> incident(String id) throws IOException {
    return query.incidents().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The incident's findings that are in the case, in the incident's order. */
  List<Finding> findingsOf(Incident inc) throws IOException {
    Map<FindingKey, Finding> byKey = new HashMap<>();
    for (Finding f : query.findings()) {
      byKey.putIfAbsent(FindingKey.of(f), f);
    }
    List<Finding> out = new ArrayList<>();
    for (FindingKey k : inc.findings()) {
      Finding f = byKey.get(k);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  /** A page of matching findings, newest first, and how many matched in all. */
  record FindingPage(List<Finding> findings, long total) {}

  FindingPage findings(FindingFilter filter) throws IOException {
    List<Finding> all = new ArrayList<>();
    for (Finding f : query.findings()) {
      if (filter.matches(f)) {
        all.add(f);
      }
    }
    all.sort(Comparator.comparing(Finding::time).reversed().thenComparing(Finding::ruleId));
    return new FindingPage(List.copyOf(all.subList(0, Math.min(filter.limit(), all.size()))), all.size());
  }

  /** One row of the overview's time table. */
  record Bucket(Instant start, Map<Level, Long> findings, Map<Level, Long> incidents) {}

  /**
   * The overview: unsuppressed findings and incidents by level, by report threat, and per time bucket (incidents
   * counted at their first sighting).
   */
  record Overview(long events, Map<Level, Long> findingsByLevel, Map<Level, Long> incidentsByLevel,
      Map<String, Long> findingsByThreat, Map<String, Long> incidentsByThreat, Duration bucketWidth,
      List<Bucket> buckets) {}

  Overview overview() throws IOException {
    long events = ((Number) query.rows("SELECT count(*) FROM events", List.of()).get(0).get(0)).longValue();
    List<Finding> findings = query.findings().stream().filter(f -> f.suppressedBy() == null).toList();
    List<Incident> incidents = query.incidents();
    Map<Level, Long> fl = new EnumMap<>(Level.class);
    Map<Level, Long> il = new EnumMap<>(Level.class);
    Map<String, Long> ft = new TreeMap<>();
    Map<String, Long> it = new TreeMap<>();
    Instant first = null;
    Instant last = null;
    for (Finding f : findings) {
      fl.merge(f.level(), 1L, Long::sum);
      f.threats().forEach(t -> ft.merge(t, 1L, Long::sum));
      first = first == null || f.time().isBefore(first) ? f.time() : first;
      last = last == null || f.time().isAfter(last) ? f.time() : last;
    }
    for (Incident i : incidents) {
      il.merge(i.level(), 1L, Long::sum);
      i.threats().forEach(t -> it.merge(t, 1L, Long::sum));
      first = first == null || i.firstSeen().isBefore(first) ? i.firstSeen() : first;
      last = last == null || i.firstSeen().isAfter(last) ? i.firstSeen() : last;
    }
    Duration width = WIDTHS.get(WIDTHS.size() - 1);
    if (first != null) {
      for (Duration d : WIDTHS) {
        if (Duration.between(first, last).dividedBy(d) < BUCKETS) {
          width = d;
          break;
        }
      }
    }
    long s = width.toSeconds();
    TreeMap<Instant, Bucket> buckets = new TreeMap<>();
    for (Finding f : findings) {
      bucket(buckets, f.time(), s).findings().merge(f.level(), 1L, Long::sum);
    }
    for (Incident i : incidents) {
      bucket(buckets, i.firstSeen(), s).incidents().merge(i.level(), 1L, Long::sum);
    }
    return new Overview(events, fl, il, ft, it, width, List.copyOf(buckets.values()));
  }

  private static Bucket bucket(Map<Instant, Bucket> buckets, Instant t, long seconds) {
    Instant start = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    return buckets.computeIfAbsent(start, k -> new Bucket(k, new EnumMap<>(Level.class), new EnumMap<>(Level.class)));
  }

  /** The heat-map counts of the findings that are not suppressed. */
  static AttackCounts heatMap(List<Finding> findings) {
    return AttackCounts.of(findings.stream().filter(f -> f.suppressedBy() == null).toList());
  }

  List<Finding> allFindings() throws IOException {
    return query.findings();
  }
}
