package dev.kumo.correlate;

import java.io.Serializable;

/**
 * Bounds on correlation state.
 *
 * @param maxGroups groups kept per correlation (default 100,000); beyond it the least recently
 *     updated group is dropped and counted
 * @param maxEventsPerGroup events kept per group window (default 100,000); beyond it the oldest are
 *     dropped and counted
 * @param maxEvidence event ids kept for a finding (default 50; the most recent ones)
 */
public record CorrelationLimits(int maxGroups, int maxEventsPerGroup, int maxEvidence) implements Serializable {
  public static final CorrelationLimits DEFAULTS = new CorrelationLimits(100_000, 100_000, 50);

  public CorrelationLimits {
    if (maxGroups < 1 || maxEventsPerGroup < 1 || maxEvidence < 1) {
      throw new IllegalArgumentException("correlation limits must be positive");
    }
  }
}
