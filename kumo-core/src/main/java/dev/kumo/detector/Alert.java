package dev.kumo.detector;

import dev.kumo.finding.EventSummary;
import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a detector state raises; the hunt turns it into a finding of the detector.
 *
 * @param level the finding's level, or null for the detector's own level
 * @param reason one line a person can read (log values verbatim; writers escape them)
 * @param event the event the finding is anchored on (usually the one that completed it)
 * @param evidence supporting event ids, oldest first (bounded by the detector)
 */
public record Alert(@Nullable Level level, String reason, EventSummary event, List<String> evidence)
    implements Serializable {
  public Alert {
    evidence = List.copyOf(evidence);
  }
}
