package dev.kumo.sigma;

import java.io.Serializable;

/**
 * Where a rule came from.
 *
 * @param file the file as given by the user, or {@code builtin:<path>} for rules inside Kumo
 * @param line the 1-based line where the rule's YAML document starts
 * @param builtin whether the rule ships with Kumo
 */
public record RuleOrigin(String file, int line, boolean builtin) implements Serializable {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
