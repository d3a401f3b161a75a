package dev.kumo.posture.rank;

import dev.kumo.exercise.drill.PackCoverage;
import java.util.List;
import java.util.TreeSet;

/** Which active detection rules watch a log source for some ATT&amp;CK techniques. */
@FunctionalInterface
public interface DetectionCoverage {
  /** No rules at all. */
  DetectionCoverage NONE = (techniques, source) -> List.of();

  /** Ids of active rules and detectors reading {@code source} that carry one of {@code techniques}, sorted. */
  List<String> activeRules(List<String> techniques, String source);

  /** Coverage of a loaded rule pack; rules that run dry or are disabled do not count. */
  static DetectionCoverage of(PackCoverage pack) {
    return (techniques, source) -> {
      TreeSet<String> out = new TreeSet<>();
      for (String t : techniques) {
        for (PackCoverage.Match m : pack.covering(t, source)) {
          if (m.entry().state() == PackCoverage.State.ACTIVE) {
            out.add(m.entry().displayId());
          }
        }
      }
      return List.copyOf(out);
    };
  }
}
