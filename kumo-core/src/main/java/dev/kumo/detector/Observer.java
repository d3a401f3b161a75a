package dev.kumo.detector;

import dev.kumo.intel.IntelHit;
import java.util.List;
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

  /**
   * The threat-intel indicators the current event's values match (looked up once per event by the
   * engine, from the store it was built with); empty when none or when the engine has no indicators.
   */
  default List<IntelHit> intel() {
    return List.of();
  }
}
