/**
 * Sigma correlation rules evaluated in event time: sliding windows per group with bounded state.
 *
 * <p>Inputs must arrive in non-decreasing event time (the hunt sorts them; a stream processor
 * orders them with watermarks). Conditions that more events can only make truer ({@code gt},
 * {@code gte}) fire as soon as they hold; others ({@code lt}, {@code lte}, {@code eq}, {@code neq},
 * ranges) are judged when a group's window closes, windows starting at the group's first event.
 * After a group fires its state is cleared, so one burst gives one finding.
 */
@NullMarked
package dev.kumo.correlate;

import org.jspecify.annotations.NullMarked;
