package dev.kumo.posture.rank;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One telemetry a check lists, as seen for one resource.
 *
 * @param source the Kumo log source whose rules read it, null when Kumo has none
 * @param rules active rules watching it for the check's techniques
 */
public record SourceView(String telemetry, Telemetry.State state, @Nullable String source, List<String> rules) {
  public SourceView {
    rules = List.copyOf(rules);
  }

  /** On and read by at least one active rule. */
  public boolean watched() {
    return state == Telemetry.State.ON && !rules.isEmpty();
  }
}
