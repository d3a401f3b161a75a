package dev.kumo.detector;

import dev.kumo.finding.Finding;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs the stateful half of every detector of an engine over observations in event-time order,
 * turning alerts into findings. One per run (a hunt) or per stream (a service, kept across loads and
 * moved on with {@link #advance}); not thread-safe.
 *
 * <p>Serializable: a copy restored from a snapshot taken between two calls goes on exactly as the
 * original would. It carries its bindings (the detectors and their settings) along.
 */
public final class DetectorRunner implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<DetectorBinding> bindings;
  private final List<DetectorState> states = new ArrayList<>();
  private final long[] alerts;
  private long observations;

  public DetectorRunner(List<DetectorBinding> bindings) {
    this.bindings = List.copyOf(bindings);
    for (DetectorBinding b : this.bindings) {
      states.add(b.detector().start());
    }
    this.alerts = new long[this.bindings.size()];
  }

  /**
   * Feeds the next observation (in {@link Observation#ORDER}) to its detector.
   *
   * @param out receives each finding with its binding (dry-run bindings included; the caller decides)
   */
  public void accept(Observation o, BiConsumer<DetectorBinding, Finding> out) {
    observations++;
    DetectorBinding b = bindings.get(o.detector());
    states.get(o.detector()).accept(o, alert -> emit(b, alert, out));
  }

  /**
   * Tells every detector that event time has reached {@code watermark} (see
   * {@link DetectorState#advance}); for a continuous stream, where {@link #finish} never comes.
   */
  public void advance(Instant watermark, BiConsumer<DetectorBinding, Finding> out) {
    for (int i = 0; i < bindings.size(); i++) {
      DetectorBinding b = bindings.get(i);
      states.get(i).advance(watermark, alert -> emit(b, alert, out));
    }
  }

  /** Ends the run: detectors raise what their open windows hold. */
  public void finish(BiConsumer<DetectorBinding, Finding> out) {
    for (int i = 0; i < bindings.size(); i++) {
      DetectorBinding b = bindings.get(i);
      states.get(i).finish(alert -> emit(b, alert, out));
    }
  }

  private void emit(DetectorBinding b, Alert a, BiConsumer<DetectorBinding, Finding> out) {
    alerts[b.index()]++;
    out.accept(b, finding(b, a));
  }

  /** The finding a detector's alert becomes. */
  public static Finding finding(DetectorBinding b, Alert a) {
    return new Finding(b.findingRule(a.level()), a.event(), null, a.reason(), a.evidence());
  }

  /** Observations processed so far. */
  public long observations() {
    return observations;
  }

  /** Entries held by all detector states now. */
  public long stateSize() {
    return states.stream().mapToLong(DetectorState::size).sum();
  }

  /** Entries dropped by all detector states to stay within their limits. */
  public long evicted() {
    return states.stream().mapToLong(DetectorState::evicted).sum();
  }

  /** Alerts raised by the detector at {@code index}. */
  public long alerts(int index) {
    return alerts[index];
  }
}
