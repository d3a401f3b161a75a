package dev.kumo.respond.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcome of every step of a plan so far, by step index. */
public record RunState(String planId, List<StepRecord> steps) {
  public RunState {
    steps = steps.stream().sorted(Comparator.comparingInt(StepRecord::index)).toList();
  }

  /** A state with no step run yet. */
  public static RunState empty(String planId) {
    return new RunState(planId, List.of());
  }

  /** The record of step {@code id}, if it has one. */
  public Optional<StepRecord> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** This state with {@code record} replacing the record of the same step. */
  public RunState with(StepRecord record) {
    List<StepRecord> out = new ArrayList<>(steps.stream().filter(s -> !s.id().equals(record.id())).toList());
    out.add(record);
    return new RunState(planId, out);
  }

  /** Whether a step failed or was skipped: the run did not finish what it could. */
  public boolean failedOrBlocked() {
    return steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED
        || s.status() == StepStatus.SKIPPED_PRECONDITION);
  }
}
