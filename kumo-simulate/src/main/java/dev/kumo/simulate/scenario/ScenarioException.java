package dev.kumo.simulate.scenario;

import java.util.List;

/** A scenario that cannot be used: every problem found, each as {@code file:line: reason}. */
public final class ScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ScenarioException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
