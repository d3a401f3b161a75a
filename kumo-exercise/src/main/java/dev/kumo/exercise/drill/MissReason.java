package dev.kumo.exercise.drill;

/** Why a step was missed, in the order they are checked. */
public enum MissReason {
  /** No event of the step's source was read, or its labelled events are not in the logs. */
  LOG_SOURCE_ABSENT("log source absent"),
  /** A rule covers it but is disabled, runs dry, or its findings were suppressed or below --min-level. */
  RULE_MUTED("rule muted"),
  /** No loaded rule or detector carries the technique for the step's source. */
  NO_RULE("no rule"),
  /** A reporting rule covers it, but raised no finding on the step's events. */
  RULE_DID_NOT_FIRE("rule did not fire");

  private final String label;

  MissReason(String label) {
    this.label = label;
  }

  /** As shown in reports, e.g. {@code log source absent}. */
  public String label() {
    return label;
  }
}
