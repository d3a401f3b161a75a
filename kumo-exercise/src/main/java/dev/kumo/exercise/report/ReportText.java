package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formatting shared by the reports; escaping is {@link dev.kumo.text.Escape}. */
public final class ReportText {
  private ReportText() {}

  /** E.g. {@code 0s}, {@code 42s}, {@code 5m 03s}, {@code 2h 05m}, {@code 3d 04h}; {@code -} for null. */
  public static String duration(@Nullable Duration d) {
    return d == null ? "-" : d.isNegative() ? d.getSeconds() + "s" : Durations.compact(d);
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", p);
  }

  /** Rule ids of a step, most findings first, e.g. {@code rule-a (3), rule-b (1)}. */
  static String rules(StepResult s, int max) {
    List<String> out = new ArrayList<>();
    for (FiredRule r : s.rules().subList(0, Math.min(max, s.rules().size()))) {
      out.add(r.title() + " (" + r.findings() + ")");
    }
    if (s.rules().size() > max) {
      out.add("+" + (s.rules().size() - max) + " more");
    }
    return String.join(", ", out);
  }

  /** One line: steps detected, claimed coverage, false positives. */
  public static String headline(ExerciseResult r) {
    return r.detected() + " of " + r.steps().size() + " steps detected (" + percent(r.detectionPercent())
        + "); claimed coverage " + r.claimed().stream().filter(StepResult::detected).count() + "/"
        + r.claimed().size() + " (" + percent(r.claimedCoveragePercent()) + "); " + r.falsePositives()
        + " false positive(s) on unlabelled events";
  }
}
