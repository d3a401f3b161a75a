package dev.kumo.detector;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.util.Set;

/**
 * A detection written in Java. Implementations are immutable and serializable (settings are fixed
 * at construction); everything a run learns lives in the {@link DetectorState} it starts.
 */
public interface Detector extends Serializable {

  /**
   * What the detector's findings say about it: id, name, title, description, level, tags
   * ({@code attack.*}, {@code kumo.threat.*}), author and status ({@code experimental} = dry-run).
   */
  RuleMeta meta();

  /** The log source ids whose events {@link #observe} wants; others are never passed to it. */
  Set<String> sources();

  /** The settings this detector was built with, with their defaults and meaning. */
  java.util.List<Setting.Value> settings();

  /**
   * Looks at one event and emits zero or more observations. Called on worker threads in no
   * particular order: must not keep state, and should be cheap for the many events it ignores.
   * Events without a known time are never passed.
   */
  void observe(NormalizedEvent event, Observer out);

  /** How observations of {@code kind} may be pre-aggregated before they are sorted. */
  default Combine combine(int kind) {
    return Combine.ALL;
  }

  /** Fresh state for one run; it receives this detector's observations in event-time order. */
  DetectorState start();
}
