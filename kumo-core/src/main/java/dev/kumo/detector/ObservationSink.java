package dev.kumo.detector;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Receives the observations of detectors, with the policy to combine them under. */
@FunctionalInterface
public interface ObservationSink {
  void add(Observation observation, Combine policy);

  /**
   * Takes in an observation from its coordinates alone when the sink already holds an earlier one it would
   * merge it into, so that the caller need not build it (nor its event summary). Returns false when the
   * caller must build the observation and {@link #add} it. The default absorbs nothing.
   */
  default boolean absorb(int detector, int kind, String key, @Nullable String value, Instant time, String eventId,
      double amount, Combine policy) {
    return false;
  }
}
