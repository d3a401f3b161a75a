package dev.kumo.detector;

import java.io.Serializable;
import java.time.Instant;

/**
 * The mutable half of a detector, for one run. Observations arrive in event-time order (ties in a
 * fixed order); the state must keep its memory bounded whatever the input (see {@link BoundedMap}).
 * Not thread-safe.
 *
 * <p>Serializable, with everything it holds (a stream's state is snapshot in checkpoints): a copy
 * restored from a snapshot taken between two calls must go on exactly as the original would, raising
 * the same alerts. Callbacks it keeps must be serializable too (see {@link Episodes.OnClose}); caches
 * it can rebuild may be {@code transient}, rebuilt lazily.
 */
public interface DetectorState extends Serializable {

  /** Takes the next observation and raises any alert it completes. */
  void accept(Observation observation, Alerts alerts);

  /**
   * Event time has reached {@code watermark}: no observation older than it is expected any more (a
   * continuous stream, where {@link #finish} never comes). Raise the alerts of windows and episodes
   * that have closed by then, exactly as a later observation at {@code watermark} would have closed
   * them, and keep everything still open. Watermarks never go backwards. The default does nothing:
   * for a state whose windows close only when its next observation arrives.
   */
  default void advance(Instant watermark, Alerts alerts) {}

  /** Called once after the last observation: raise alerts still pending (open windows). */
  void finish(Alerts alerts);

  /** How many entries the state holds now (for limits, tests and the summary). */
  long size();

  /** How many entries were dropped to stay within limits so far. */
  default long evicted() {
    return 0;
  }
}
