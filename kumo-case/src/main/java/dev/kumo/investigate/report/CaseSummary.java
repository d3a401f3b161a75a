package dev.kumo.investigate.report;

import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The headline numbers of a case.
 *
 * @param title the report's title, e.g. "Case acme-2026-11"
 * @param caseName the case's name (usually its directory name)
 * @param generatedAt when the report was generated: passed in, so the same case renders to the same
 *     bytes
 * @param events events in the case
 * @param findingsByLevel findings per level; levels without findings may be absent
 * @param eventsBySource events per log source (e.g. {@code aws.cloudtrail})
 * @param accounts accounts seen in the events, sorted
 * @param regions regions seen in the events, sorted
 * @param firstEvent time of the earliest event, or null for an empty case
 * @param lastEvent time of the latest event, or null for an empty case
 * @param loads the case's loads, oldest first
 */
public record CaseSummary(String title, String caseName, Instant generatedAt, long events,
    Map<Level, Long> findingsByLevel, Map<String, Long> eventsBySource, List<String> accounts, List<String> regions,
    @Nullable Instant firstEvent, @Nullable Instant lastEvent, List<CaseLoad> loads) {
  public CaseSummary {
    findingsByLevel = TimelineBucket.byLevel(findingsByLevel);
    eventsBySource = Collections.unmodifiableMap(new TreeMap<>(eventsBySource));
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    loads = List.copyOf(loads);
  }

  /** All findings of the case. */
  public long findings() {
    return findingsByLevel.values().stream().mapToLong(Long::longValue).sum();
  }
}
