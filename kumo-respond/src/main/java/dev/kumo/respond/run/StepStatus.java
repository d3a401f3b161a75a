package dev.kumo.respond.run;

import java.util.Locale;
import java.util.Optional;

/** What became of a step. */
public enum StepStatus {
  /** Every call succeeded. */
  DONE,
  /** A call failed; later steps that depend on it, or that change state after a failed evidence step, wait. */
  FAILED,
  /** Not run: a precondition is not met, or an evidence step failed before this state-changing step. */
  SKIPPED_PRECONDITION,
  /** No executor: a person runs the listed commands. Never counted as done. */
  MANUAL,
  /** Not reached, or an optional step that was not asked for. */
  NOT_RUN;

  /** The state-file name, e.g. {@code skipped-precondition}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The status written as {@code id}. */
  public static Optional<StepStatus> byId(String id) {
    for (StepStatus s : values()) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
