package dev.kumo.sigma.compile;

/** A rule that cannot be compiled; carries the 1-based line of the offending YAML (0 if unknown). */
public final class RuleSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  public RuleSyntaxException(String message, int line) {
    super(message, null, false, false);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
