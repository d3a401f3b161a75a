package dev.kumo.correlate;

import dev.kumo.finding.EventSummary;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A correlation whose condition held for one group.
 *
 * @param value what met the condition: the count, distinct count, sum, average or percentile
 * @param eventIds contributing events, oldest first (the last ones when there were many)
 * @param last the event that completed the match
 */
public record CorrelationHit(int correlation, List<String> groupValues, Instant first, Instant lastTime,
    long eventCount, double value, List<String> eventIds, EventSummary last) implements Serializable {
  public CorrelationHit {
    groupValues = List.copyOf(groupValues);
    eventIds = List.copyOf(eventIds);
  }
}
