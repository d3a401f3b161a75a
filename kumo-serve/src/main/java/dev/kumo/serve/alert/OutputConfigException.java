package dev.kumo.serve.alert;

import java.util.List;

/**
 * The {@code outputs:} configuration is invalid; {@link #errors()} lists every problem as {@code file:line: reason}.
 */
public final class OutputConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> errors;

  public OutputConfigException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
