package dev.kumo.exercise.drill;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one step scored.
 *
 * @param rules rules that raised (reported) findings on the step's events, most findings first
 * @param timeToDetect earliest finding's event time minus the step's first event time (never negative), or null
 * @param timeNote set when the time was clamped or is otherwise worth explaining
 * @param reason why the step was missed; null when detected
 * @param reasonDetail a sentence naming what was checked (rules, sources, mutelist entries)
 * @param claimed a loaded, reporting built-in rule or detector carries the step's technique for its source
 * @param coverage the loaded rules and detectors that carry its technique for its source (any state)
 * @param eventsFound labelled events found in the logs, or -1 when not checked (detected steps with ids)
 */
public record StepResult(Step step, boolean detected, List<FiredRule> rules, @Nullable Duration timeToDetect,
    @Nullable String timeNote, @Nullable MissReason reason, String reasonDetail, boolean claimed,
    List<String> coverage, long eventsFound) {

  public StepResult {
    rules = List.copyOf(rules);
    coverage = List.copyOf(coverage);
  }

  /** {@code detected}, or the miss reason's label. */
  public String outcome() {
    return detected ? "detected" : reason == null ? "missed" : "missed: " + reason.label();
  }
}
