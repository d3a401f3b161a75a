package dev.kumo.hunt;

import dev.kumo.event.NormalizedEvent;

/**
 * Sees every normalized event a hunt handles (after the {@code --from}/{@code --to} filter, before
 * matching), for example to store it in a case file.
 *
 * <p>Thread-safety: {@link #event} is called concurrently from every hunt worker thread, with no
 * lock held, so an implementation must be thread-safe. It is called on the hunt's hot path: it
 * should hand the event off (to a bounded queue, say) rather than do slow work inline. Blocking
 * slows the hunt down to the listener's pace (back-pressure); an exception thrown from it aborts
 * the hunt as an internal error. Events are immutable and may be kept.
 */
@FunctionalInterface
public interface EventListener {
  /** Called once for each event in the hunt's time range, from the worker thread that read it. */
  void event(NormalizedEvent event);
}
