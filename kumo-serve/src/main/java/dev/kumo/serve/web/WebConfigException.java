package dev.kumo.serve.web;

import java.util.List;

/** A configuration or users file that cannot be used; every problem as {@code file:line: reason}. */
public final class WebConfigException extends IllegalArgumentException {
  private final List<String> problems;

  public WebConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
