package dev.kumo.posture.deadspot;

/** Why a control is a dead spot; most urgent first. */
public enum Reason {
  FAILING_EVIDENCE("failing evidence"),
  NO_OWNER("no owner"),
  NO_EVIDENCE("no evidence"),
  UNVERIFIED_PROVIDER("provider side not verified");

  private final String label;

  Reason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The JSON/CSV spelling, e.g. {@code no-owner}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
