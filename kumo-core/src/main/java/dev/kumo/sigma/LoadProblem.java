package dev.kumo.sigma;

import org.jspecify.annotations.Nullable;

/**
 * A problem found while loading rules.
 *
 * @param file the rule file
 * @param line 1-based line of the problem, 0 when unknown
 * @param rule the rule's id or title when known
 */
public record LoadProblem(String file, int line, Severity severity, @Nullable String rule, String message) {
  /** Errors stop the rule from loading; warnings do not. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line: {@code file:line: error: message [rule]}. */
  public String format() {
    return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
        + ": " + message + (rule != null ? " [" + rule + "]" : "");
  }
}
