package dev.kumo.detector;

import org.jspecify.annotations.Nullable;

/** Receives the observations a detector takes from the current event. */
public interface Observer {

  /**
   * Emits an observation of the current event.
   *
   * @param kind the detector's own number for what is observed (it may also encode a time bucket, so that
   *     combining keeps buckets apart without building a string per event)
   * @param key what the observation is about (a principal, a host, an account and bucket...)
   * @param value a value observed for the key, or null
   * @param amount a quantity (bytes, cost, count), or 0
   */
  void emit(int kind, String key, @Nullable String value, double amount);
}
