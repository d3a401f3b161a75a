package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.correlate.Correlator;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detector.DetectorRunner;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The detection state of a continuous stream, kept from one hunt to the next: the correlation
 * windows and the detectors' states (baselines, episodes). A service hunts each batch of arriving
 * logs with a {@link Hunter} given this state, so a correlation or a detector sees a burst that
 * spans batches as one, as a single hunt over all of them would.
 *
 * <p>A batch hunt ends by closing every window; a stream never ends, so after each batch the state
 * is moved on to a watermark instead: the latest event time seen less {@code outOfOrderness} (events
 * up to that much older than the latest may still come), or, when no events arrive, the wall clock
 * less {@code idleClose}, whichever is later. Windows that went quiet before the watermark are
 * judged then; the rest stay open. Events older than the watermark are still evaluated (a window
 * they would have joined may already be closed); they are counted as late.
 *
 * <p>Bound to one engine (its rules). Not thread-safe: one hunt at a time.
 *
 * <p>Serializable, for checkpoints: a copy restored from a snapshot taken between two hunts goes on
 * exactly as the original would. The engine is serialized with it (the state is bound to it), so a
 * restored copy comes with its own copy of the engine: hunt it with {@link #engine()}.
 */
public final class StreamState implements Serializable {
  private static final long serialVersionUID = 1L;
  private final DetectionEngine engine;
  private final Correlator correlator;
  private final DetectorRunner detectors;
  private final Duration outOfOrderness;
  private final Duration idleClose;
  private @Nullable Instant latest;
  private @Nullable Instant watermark;
  private long lateEvents;

  private StreamState(DetectionEngine engine, CorrelationLimits limits, Duration outOfOrderness, Duration idleClose) {
    if (outOfOrderness.isNegative() || idleClose.isNegative()) {
      throw new IllegalArgumentException("out-of-orderness and idle close must not be negative");
    }
    this.engine = engine;
    this.correlator = engine.newCorrelator(limits);
    this.detectors = engine.newDetectorRunner();
    this.outOfOrderness = outOfOrderness;
    this.idleClose = idleClose;
  }

  /** A restored state gives its correlator the engine's correlations back (they are not serialized with it). */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    correlator.attach(engine.correlations());
  }

  /** Empty state for {@code engine}'s correlations and detectors. */
  public static StreamState start(DetectionEngine engine, CorrelationLimits limits, Duration outOfOrderness,
      Duration idleClose) {
    return new StreamState(engine, limits, outOfOrderness, idleClose);
  }

  /** The engine this state belongs to: the one to hunt it with (for a restored copy, the restored engine). */
  public DetectionEngine engine() {
    return engine;
  }

  Correlator correlator() {
    return correlator;
  }

  DetectorRunner detectors() {
    return detectors;
  }

  /** Notes a hunt's event-time range: counts events before the current watermark as late. */
  void saw(@Nullable Instant first, @Nullable Instant last, long lateInHunt) {
    lateEvents += lateInHunt;
    if (last != null && (latest == null || last.isAfter(latest))) {
      latest = last;
    }
  }

  /** Whether an event at {@code t} comes after the state has already been moved past it. */
  boolean isLate(Instant t) {
    Instant w = watermark;
    return w != null && t.isBefore(w);
  }

  /**
   * The watermark at wall-clock time {@code now}: the later of the latest event time less the
   * out-of-orderness and {@code now} less the idle close; never earlier than the previous one.
   */
  Instant nextWatermark(Instant now) {
    Instant byEvents = latest == null ? Instant.MIN : latest.minus(outOfOrderness);
    Instant byClock = now.minus(idleClose);
    Instant w = byEvents.isAfter(byClock) ? byEvents : byClock;
    if (watermark != null && watermark.isAfter(w)) {
      w = watermark;
    }
    watermark = w;
    return w;
  }

  /** The latest event time seen, or null before any event. */
  public @Nullable Instant latestEventTime() {
    return latest;
  }

  /** The watermark the state was last moved to, or null before the first hunt. */
  public @Nullable Instant watermark() {
    return watermark;
  }

  /** Events that came after the state had been moved past their time. */
  public long lateEvents() {
    return lateEvents;
  }

  /** Correlation groups and detector entries held now. */
  public long size() {
    return correlator.openGroups() + detectors.stateSize();
  }
}
