package dev.kumo.detector;

/**
 * The mutable half of a detector, for one run. Observations arrive in event-time order (ties in a
 * fixed order); the state must keep its memory bounded whatever the input (see {@link BoundedMap}).
 * Not thread-safe.
 */
public interface DetectorState {

  /** Takes the next observation and raises any alert it completes. */
  void accept(Observation observation, Alerts alerts);

  /** Called once after the last observation: raise alerts still pending (open windows). */
  void finish(Alerts alerts);

  /** How many entries the state holds now (for limits, tests and the summary). */
  long size();

  /** How many entries were dropped to stay within limits so far. */
  default long evicted() {
    return 0;
  }
}
