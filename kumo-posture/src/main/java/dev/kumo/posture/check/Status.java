package dev.kumo.posture.check;

/** Outcome of one check on one resource. */
public enum Status {
  /** The resource is configured as the check asks. */
  PASS,
  /** Misconfigured. */
  FAIL,
  /** The export did not carry what the check needs; never counted as a pass. */
  UNKNOWN,
  /** Failing, but muted by the organisation (accepted risk). */
  MUTED;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
