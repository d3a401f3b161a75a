package dev.kumo.exercise.drill;

import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scored drill: every step's result plus what the hunt read and the false positives.
 *
 * @param logs the logs folder as given
 * @param labelsFile the labels file as given
 * @param scenarios the scenarios and steps the labels describe
 * @param steps one result per step, in scenario then step order
 * @param labelProblems the first skipped label lines with reasons
 * @param labelsSkipped how many label lines were skipped
 * @param labels how many labels were used
 * @param unresolvedLabels (file, line) labels that matched no event in the logs
 * @param events events read
 * @param eventsBySource events read per source id
 * @param ingestProblems records or files that could not be read
 * @param findings reported findings (not suppressed, at or above {@code minLevel})
 * @param findingsMuted findings suppressed by the mutelist or below {@code minLevel}
 * @param falsePositives reported findings whose event and evidence touch no labelled event
 * @param falsePositivesByRule false positives per rule, most first (ties by id)
 * @param minLevel the lowest level reported
 */
public record ExerciseResult(String logs, String labelsFile, Instant generatedAt, List<Scenario> scenarios,
    List<StepResult> steps, List<LabelProblem> labelProblems, long labelsSkipped, int labels, int unresolvedLabels,
    long files, long events, Map<String, Long> eventsBySource, long ingestProblems, int rulesLoaded, int detectors,
    long findings, long findingsMuted, long falsePositives, List<RuleTally> falsePositivesByRule, Level minLevel) {

  public ExerciseResult {
    scenarios = List.copyOf(scenarios);
    steps = List.copyOf(steps);
    labelProblems = List.copyOf(labelProblems);
    eventsBySource = Map.copyOf(eventsBySource);
    falsePositivesByRule = List.copyOf(falsePositivesByRule);
  }

  public long detected() {
    return steps.stream().filter(StepResult::detected).count();
  }

  public List<StepResult> missed() {
    return steps.stream().filter(s -> !s.detected()).toList();
  }

  /** Steps a loaded, reporting built-in rule or detector claims to cover. */
  public List<StepResult> claimed() {
    return steps.stream().filter(StepResult::claimed).toList();
  }

  /** Share of steps detected, in percent (0 when there are none). */
  public double detectionPercent() {
    return percent(detected(), steps.size());
  }

  /** Share of claimed steps detected, in percent (100 when none are claimed). */
  public double claimedCoveragePercent() {
    List<StepResult> c = claimed();
    return c.isEmpty() ? 100 : percent(c.stream().filter(StepResult::detected).count(), c.size());
  }

  /** The top {@code n} rules by false positives. */
  public List<RuleTally> topFalsePositiveRules(int n) {
    return falsePositivesByRule.subList(0, Math.min(n, falsePositivesByRule.size()));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
