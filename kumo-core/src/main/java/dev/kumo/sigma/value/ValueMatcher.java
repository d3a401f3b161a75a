package dev.kumo.sigma.value;

import java.io.Serializable;

/**
 * A compiled test of one scalar value taken from an event.
 *
 * <p>Leaf values are {@link String}, {@link Number}, {@link Boolean}, {@link dev.kumo.json.JsonNull}
 * or {@link dev.kumo.json.JsonObject} (arrays are flattened by the caller, which tests each element).
 * Implementations are immutable, thread-safe and serializable.
 */
public sealed interface ValueMatcher extends java.util.function.Predicate<Object>, Serializable
    permits StringMatcher, RegexMatcher, CidrMatcher, NumberMatcher, BooleanMatcher,
        TimePartMatcher, AnyValueMatcher {

  /** Whether the leaf value satisfies this test. */
  boolean test(Object leaf);

  /** Human-readable form used by {@code kumo rules explain}. */
  String describe();
}
