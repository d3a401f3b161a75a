package dev.kumo.exercise.tabletop;

import java.util.List;
import java.util.Optional;

/**
 * A validated tabletop scenario. Immutable; build it with {@link TabletopReader}.
 *
 * @param id short unique name, e.g. {@code ransomware-s3}
 * @param source where it was read from (file or resource), used in messages
 */
public record Tabletop(String id, String title, Threat threat, String summary, List<Role> roles,
    List<String> objectives, List<Inject> injects, String source) {
  public Tabletop {
    roles = List.copyOf(roles);
    objectives = List.copyOf(objectives);
    injects = List.copyOf(injects);
  }

  /** Every expected decision, in inject order. */
  public List<Decision> decisions() {
    return injects.stream().flatMap(i -> i.decisions().stream()).toList();
  }

  /** The inject with this id. */
  public Optional<Inject> inject(String injectId) {
    return injects.stream().filter(i -> i.id().equals(injectId)).findFirst();
  }

  /** Whether {@code name} is one of the {@link #roles()}. */
  public boolean hasRole(String name) {
    return roles.stream().anyMatch(r -> r.name().equals(name));
  }

  /** The maximum score: the sum of every decision's weight. */
  public int maxPoints() {
    return decisions().stream().mapToInt(Decision::weight).sum();
  }
}
