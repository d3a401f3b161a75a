package dev.kumo.investigate.report;

import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Activity in one time bucket of the case's timeline. Buckets of one report share one width; empty
 * buckets may be left out (the chart places buckets by time, and takes the width as the smallest gap
 * between bucket starts).
 *
 * @param start start of the bucket (inclusive)
 * @param events events in the bucket
 * @param findingsByLevel findings in the bucket per level; levels without findings may be absent
 */
public record TimelineBucket(Instant start, long events, Map<Level, Long> findingsByLevel) {
  public TimelineBucket {
    findingsByLevel = byLevel(findingsByLevel);
  }

  /** All findings in the bucket. */
  public long findings() {
    return findingsByLevel.values().stream().mapToLong(Long::longValue).sum();
  }

  static Map<Level, Long> byLevel(Map<Level, Long> counts) {
    EnumMap<Level, Long> m = new EnumMap<>(Level.class);
    m.putAll(counts);
    return Collections.unmodifiableMap(m);
  }
}
