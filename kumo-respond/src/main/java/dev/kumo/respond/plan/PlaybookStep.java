package dev.kumo.respond.plan;

import java.util.List;

/**
 * One step of a playbook.
 *
 * @param does what the step preserves or changes, in words
 * @param preconditions ids of earlier steps that must have succeeded (an optional step that was not run counts
 *     as met; one that ran and failed does not)
 * @param reversible whether the step can be undone
 * @param reversal how to undo it, or why it cannot be undone
 * @param line the line of the step in its playbook file
 */
public record PlaybookStep(String id, String title, StepKind kind, Effect effect, String does,
    List<String> preconditions, boolean reversible, String reversal, Mitigation mitigation, boolean optional,
    int line) {
  public PlaybookStep {
    preconditions = List.copyOf(preconditions);
  }
}
