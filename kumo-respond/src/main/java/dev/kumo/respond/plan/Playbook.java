package dev.kumo.respond.plan;

import java.util.List;
import java.util.Optional;

/**
 * A response playbook: the targets it needs and its ordered steps.
 *
 * @param threat the report threat it answers (the threat names of the simulator's scenarios)
 * @param source where it was read from, e.g. {@code builtin:compromised-instance.yaml}
 */
public record Playbook(String id, String title, String threat, String description, List<TargetKind> targets,
    List<PlaybookStep> steps, String source) {
  public Playbook {
    targets = List.copyOf(targets);
    steps = List.copyOf(steps);
  }

  /** The step {@code id}, if any. */
  public Optional<PlaybookStep> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The steps of {@code kind}, in order. */
  public List<PlaybookStep> steps(StepKind kind) {
    return steps.stream().filter(s -> s.kind() == kind).toList();
  }
}
