package dev.kumo.respond.plan;

import java.util.List;

/** A playbook that cannot be used: every problem found, each as {@code file:line: reason}. */
public final class PlaybookException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PlaybookException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
