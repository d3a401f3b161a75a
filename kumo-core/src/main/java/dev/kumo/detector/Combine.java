package dev.kumo.detector;

/**
 * How observations with the same detector, kind, key and value may be merged on a worker before
 * sorting. Merging never changes results; it only saves sorting work for high-volume inputs.
 */
public enum Combine {
  /** Keep every observation. */
  ALL,
  /** Keep only the earliest (by time, then event id): for first-seen and set-membership logic. */
  FIRST,
  /**
   * Keep the earliest, with amounts and counts summed: for totals per key, where the key already
   * names its time bucket.
   */
  SUM
}
