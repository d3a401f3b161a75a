package dev.kumo.serve.ingest;

import java.time.Duration;

/**
 * How the loader keeps correlations and detectors going from one load to the next (see
 * {@link dev.kumo.hunt.StreamState}).
 *
 * @param outOfOrderness how much older than the latest event an event may still arrive; windows close
 *     this long after the latest event time passed them
 * @param idleClose when no events arrive, windows close once the wall clock is this far past them
 * @param advanceEvery while the spool is idle and windows are open, the state is moved on (and what
 *     closed is committed and alerted) this often
 * @param replay committed units are kept this long in the spool's {@code done/}; a restarted loader
 *     (or one whose load failed) rebuilds the state from them
 * @param replayMaxBytes at most this many bytes of committed units are kept (the oldest go first)
 */
public record StreamConfig(Duration outOfOrderness, Duration idleClose, Duration advanceEvery, Duration replay,
    long replayMaxBytes) {
  public StreamConfig {
    if (outOfOrderness.isNegative() || idleClose.isNegative() || replay.isNegative() || replayMaxBytes < 0) {
      throw new IllegalArgumentException("stream durations and sizes must not be negative");
    }
    if (advanceEvery.isNegative() || advanceEvery.isZero()) {
      throw new IllegalArgumentException("advance_every must be positive");
    }
  }

  /** 15 minutes out of order, windows closed 1 hour after the wall clock passed them, moved on every
   * 30 seconds when idle, 1 hour (at most 1 GiB) of committed units kept for a restart. */
  public static StreamConfig defaults() {
    return new StreamConfig(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(1),
        1L << 30);
  }
}
