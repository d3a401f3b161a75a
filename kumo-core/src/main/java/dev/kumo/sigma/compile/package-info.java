/**
 * Turns a rule's {@code detection} section into a compiled {@link dev.kumo.sigma.condition.Condition}:
 * modifier chains, value encodings, placeholders and the condition expression.
 */
@NullMarked
package dev.kumo.sigma.compile;

import org.jspecify.annotations.NullMarked;
