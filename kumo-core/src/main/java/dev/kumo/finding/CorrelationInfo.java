package dev.kumo.finding;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a correlation finding counted.
 *
 * @param type the Sigma correlation type
 * @param group the group-by field values shared by the events
 * @param eventIds the contributing events (the last ones when there were many)
 * @param eventCount how many events contributed
 * @param value the counted, summed or averaged value that met the condition
 * @param firstTime time of the first contributing event
 */
public record CorrelationInfo(String type, Map<String, String> group, List<String> eventIds, long eventCount,
    double value, Instant firstTime) implements Serializable {
  public CorrelationInfo {
    group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    eventIds = List.copyOf(eventIds);
  }
}
