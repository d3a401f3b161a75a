package dev.kumo.posture.rank;

/** How well the organisation would see a misconfiguration being exploited; worst first. */
public enum Visibility {
  /** No log source that would record the exploitation is on. */
  BLIND("blind: not logged"),
  /** Logged, but no active rule reads that log for the techniques involved. */
  UNWATCHED("blind: logged, no rule"),
  /** The inventory does not say whether a log that active rules read is on. */
  UNKNOWN("unknown"),
  /** Logged and watched by at least one active rule. */
  WATCHED("watched");

  private final String label;

  Visibility(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The spelling in JSON and CSV, e.g. {@code unwatched}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
