package dev.kumo.serve.reports;

import dev.kumo.posture.deadspot.Reason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts at the top of the dead-spots page; a dead spot with several reasons counts under each.
 *
 * @param byReason dead spots per reason (each reason present)
 * @param byDomain dead spots per domain, sorted
 */
public record DeadSpotsSummary(int total, Map<Reason, Long> byReason, Map<String, Long> byDomain) {
  public DeadSpotsSummary {
    byReason = Map.copyOf(byReason);
    byDomain = Map.copyOf(byDomain);
  }

  public static DeadSpotsSummary of(DeadSpotsReport report) {
    Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      reasons.put(r, 0L);
    }
    Map<String, Long> domains = new TreeMap<>();
    for (DeadSpotEntry d : report.deadSpots()) {
      d.reasons().forEach(r -> reasons.merge(r, 1L, Long::sum));
      domains.merge(d.domain(), 1L, Long::sum);
    }
    return new DeadSpotsSummary(report.deadSpots().size(), reasons, domains);
  }
}
