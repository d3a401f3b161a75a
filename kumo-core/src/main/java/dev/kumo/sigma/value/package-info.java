/**
 * Compiled value tests for Sigma detection items, one family of modifiers per class.
 *
 * <p>Everything here is immutable and serializable; regular expressions are compiled once with RE2/J
 * so they run in linear time.
 */
@NullMarked
package dev.kumo.sigma.value;

import org.jspecify.annotations.NullMarked;
