package dev.kumo.serve.reports;

import dev.kumo.posture.deadspot.Reason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One dead spot of a {@code kumo.dead-spots/1} report.
 *
 * @param rank 1.. in the report's order (exposed first, then by the threat left open)
 * @param threat the report threat it leaves open, or null
 * @param reasons why, most urgent first (never empty)
 * @param services services in use it applies to with the side that owns it there, e.g. {@code aws.ec2=customer}
 * @param owners teams owning it
 * @param unowned customer-side services in scope with no team
 * @param missed exercised techniques the drill did not detect
 * @param evidence what evidence there is, in words
 */
public record DeadSpotEntry(int rank, String control, String domain, String title, @Nullable String threat,
    List<Reason> reasons, boolean blind, List<String> services, List<String> owners, List<String> unowned,
    List<FailingResult> failing, List<String> missed, List<String> evidence, List<String> attack) {
  public DeadSpotEntry {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a dead spot has at least one reason");
    }
    reasons = List.copyOf(reasons);
    services = List.copyOf(services);
    owners = List.copyOf(owners);
    unowned = List.copyOf(unowned);
    failing = List.copyOf(failing);
    missed = List.copyOf(missed);
    evidence = List.copyOf(evidence);
    attack = List.copyOf(attack);
  }
}
