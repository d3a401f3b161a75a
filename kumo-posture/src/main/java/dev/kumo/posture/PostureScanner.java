package dev.kumo.posture;

import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.PostureMutes;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.posture.rank.ExposureRanker;
import dev.kumo.tuning.Mutelist;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks on an inventory, adds imported results, mutes accepted risks, and ranks the failures
 * exposed-and-blind first.
 */
public final class PostureScanner {
  private final List<Check> checks;
  private final DetectionCoverage coverage;
  private final Clock clock;
  private final Mutelist mutelist;

  public PostureScanner(List<Check> checks, DetectionCoverage coverage, Clock clock) {
    this(checks, coverage, clock, Mutelist.EMPTY);
  }

  /** A scanner that mutes accepted risks with {@code mutelist} (see {@link PostureMutes}). */
  public PostureScanner(List<Check> checks, DetectionCoverage coverage, Clock clock, Mutelist mutelist) {
    this.checks = List.copyOf(checks);
    this.coverage = coverage;
    this.clock = clock;
    this.mutelist = mutelist;
  }

  /** Scans {@code inventory}; {@code imported} (e.g. Prowler findings) are ranked with the rest. */
  public PostureResult scan(Inventory inventory, List<CheckResult> imported) {
    CheckContext context = CheckContext.at(clock.instant());
    List<CheckResult> results = new ArrayList<>();
    for (Check c : checks) {
      results.addAll(c.run(inventory, context));
    }
    results.addAll(imported);
    results = new ArrayList<>(new PostureMutes(mutelist, LocalDate.ofInstant(context.now(), ZoneOffset.UTC))
        .apply(results));
    results.sort(CheckResult.ORDER);
    return new PostureResult(context.now(), inventory, results,
        new ExposureRanker(inventory, coverage).rank(results), checks.size());
  }
}
