package dev.kumo.posture;

import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.posture.rank.ExposureRanker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs checks on an inventory, adds imported results, and ranks the failures exposed-and-blind first. */
public final class PostureScanner {
  private final List<Check> checks;
  private final DetectionCoverage coverage;
  private final Clock clock;

  public PostureScanner(List<Check> checks, DetectionCoverage coverage, Clock clock) {
    this.checks = List.copyOf(checks);
    this.coverage = coverage;
    this.clock = clock;
  }

  /** Scans {@code inventory}; {@code imported} (e.g. Prowler findings) are ranked with the rest. */
  public PostureResult scan(Inventory inventory, List<CheckResult> imported) {
    CheckContext context = CheckContext.at(clock.instant());
    List<CheckResult> results = new ArrayList<>();
    for (Check c : checks) {
      results.addAll(c.run(inventory, context));
    }
    results.addAll(imported);
    results.sort(CheckResult.ORDER);
    return new PostureResult(context.now(), inventory, results,
        new ExposureRanker(inventory, coverage).rank(results), checks.size());
  }
}
