package dev.kumo.respond.plan;

import java.util.List;

/**
 * A playbook step made concrete for the targets.
 *
 * @param index 1-based position in the plan
 * @param explanation why the step is there and how it does it, for these targets
 */
public record PlannedStep(int index, PlaybookStep step, List<ApiCall> calls, String explanation) {
  public PlannedStep {
    calls = List.copyOf(calls);
  }
}
