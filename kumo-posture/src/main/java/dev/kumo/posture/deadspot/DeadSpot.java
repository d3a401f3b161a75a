package dev.kumo.posture.deadspot;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.rank.RankedResult;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A control in scope that nobody covers, or covers badly.
 *
 * @param reasons why, most urgent first (never empty)
 * @param services services in use it applies to, with their ownership ({@code aws.ec2=customer})
 * @param unowned customer-side services in scope with no owner
 * @param failing failing posture results behind {@link Reason#FAILING_EVIDENCE}, exposed-and-blind first
 * @param missed exercised techniques the drill did not detect
 * @param evidence what evidence there is, in words
 */
public record DeadSpot(Control control, List<Reason> reasons, List<String> services, List<String> owners,
    List<String> unowned, List<RankedResult> failing, List<String> missed, List<String> evidence) {
  /**
   * Exposed first (failing evidence), then by the report threat it leaves open (most frequent first, controls
   * tied to no threat last), then reason, then blind first, then id.
   */
  public static final Comparator<DeadSpot> ORDER = Comparator
      .comparing((DeadSpot d) -> !d.reasons().contains(Reason.FAILING_EVIDENCE))
      .thenComparing(d -> d.threat() == null ? Integer.MAX_VALUE : RankedResult.threatRank(d.threat()))
      .thenComparing(d -> d.reasons().get(0))
      .thenComparing(d -> !d.blind())
      .thenComparing(d -> d.control().id());

  public DeadSpot {
    reasons = List.copyOf(reasons);
    services = List.copyOf(services);
    owners = List.copyOf(owners);
    unowned = List.copyOf(unowned);
    failing = List.copyOf(failing);
    missed = List.copyOf(missed);
    evidence = List.copyOf(evidence);
  }

  /** The report threat it leaves open, or null for controls tied to none (ranked last). */
  public @Nullable Threat threat() {
    return control.primaryThreat();
  }

  /** True when some failing resource is exposed and nobody would see it exploited. */
  public boolean blind() {
    return failing.stream().anyMatch(RankedResult::exposedAndBlind);
  }
}
