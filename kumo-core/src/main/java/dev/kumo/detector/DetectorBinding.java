package dev.kumo.detector;

import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * A detector placed in an engine: its position, and the finding descriptions for each level its
 * alerts may take (alerts can raise or lower the detector's own level).
 *
 * @param dryRun when true the detector runs and is counted, but raises no findings
 */
public record DetectorBinding(int index, Detector detector, Map<Level, FindingRule> findingRules, boolean dryRun)
    implements Serializable {
  public DetectorBinding {
    findingRules = new EnumMap<>(findingRules);
  }

  /** The finding description for an alert of {@code level} (null: the detector's own level). */
  public FindingRule findingRule(@org.jspecify.annotations.Nullable Level level) {
    return findingRules.get(level == null ? detector.meta().effectiveLevel() : level);
  }

  public String id() {
    return detector.meta().key();
  }
}
