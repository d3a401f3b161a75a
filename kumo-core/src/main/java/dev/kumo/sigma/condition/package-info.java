/**
 * Compiled Sigma conditions: a sealed, immutable, serializable tree evaluated against a record.
 *
 * <p>Evaluation never allocates per event beyond what a matcher needs, never re-parses JSON and never
 * compiles a regular expression.
 */
@NullMarked
package dev.kumo.sigma.condition;

import org.jspecify.annotations.NullMarked;
