package dev.kumo.sigma.yaml;

import org.jspecify.annotations.Nullable;

/**
 * A YAML scalar with its resolved type: {@link String}, {@link Long}, {@link java.math.BigInteger},
 * {@link Double}, {@link Boolean} or null. Quoted scalars are always strings.
 *
 * @param raw the scalar text exactly as written (after YAML quoting rules)
 */
public record YScalar(@Nullable Object value, String raw, int line) implements YNode {
  /** The value as text: strings as they are, other types in their plain YAML form. */
  public String text() {
    return value instanceof String s ? s : raw;
  }

  public boolean isString() {
    return value instanceof String;
  }
}
