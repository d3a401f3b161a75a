package dev.kumo.posture;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.rank.RankedResult;
import java.time.Instant;
import java.util.List;

/**
 * One posture scan.
 *
 * @param results every verdict (built-in and imported), in {@link CheckResult#ORDER}
 * @param ranked the failing ones, exposed-and-blind first ({@link RankedResult#ORDER})
 * @param checks number of built-in checks run
 */
public record PostureResult(Instant at, Inventory inventory, List<CheckResult> results, List<RankedResult> ranked,
    int checks) {
  /** Schema of the JSON Lines form. */
  public static final String SCHEMA = "kumo.posture/1";

  public PostureResult {
    results = List.copyOf(results);
    ranked = List.copyOf(ranked);
  }

  /** Results with this status. */
  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
