package dev.kumo.serve.exercise;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A drill started from the console, as the exercises page shows it.
 *
 * @param run the run folder it writes (appears in the list once finished)
 * @param startedBy the user or API token that started it
 * @param finished when it finished or failed, or null while it runs
 * @param error why it failed (a message to escape where shown), or null
 */
public record DrillState(String run, List<String> scenarios, long seed, String startedBy, Instant started,
    Status status, @Nullable Instant finished, @Nullable String error) {

  /** Where a drill is. */
  public enum Status {
    RUNNING, FINISHED, FAILED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public DrillState {
    scenarios = List.copyOf(scenarios);
  }

  DrillState done(Instant at, @Nullable String failure) {
    return new DrillState(run, scenarios, seed, startedBy, started, failure == null ? Status.FINISHED : Status.FAILED,
        at, failure);
  }
}
