package dev.kumo.respond.plan;

import java.util.List;
import java.util.Map;

/**
 * An ordered, explained response plan.
 *
 * @param id deterministic: derived from the playbook, the provider and the targets
 * @param placeholders every run-time placeholder the calls use, with what it stands for, sorted by name
 */
public record Plan(String id, Playbook playbook, Provider provider, PlanTargets targets, List<PlannedStep> steps,
    Map<String, String> placeholders) {
  public Plan {
    steps = List.copyOf(steps);
    placeholders = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(placeholders));
  }

  /** Every call of every step, in order. */
  public List<ApiCall> calls() {
    return steps.stream().flatMap(s -> s.calls().stream()).toList();
  }
}
