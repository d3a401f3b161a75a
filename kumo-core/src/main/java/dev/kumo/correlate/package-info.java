/**
 * Sigma correlation rules evaluated in event time: sliding windows per group with bounded state.
 *
 * <p>Inputs must arrive in non-decreasing event time (the hunt sorts them; a stream processor
 * orders them with watermarks). Conditions that more events can only make truer ({@code gt},
 * {@code gte}) are checked on a sliding window as events arrive; once one holds, the group is in a
 * burst that lasts while its events keep coming less than a timespan apart, and the burst is
 * reported once, when it ends, with all its events. Other conditions ({@code lt}, {@code lte},
 * {@code eq}, {@code neq}, ranges) are judged when a group's window closes, windows starting at the
 * group's first event.
 */
@NullMarked
package dev.kumo.correlate;

import org.jspecify.annotations.NullMarked;
