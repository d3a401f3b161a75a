package dev.kumo.posture.rank;

import dev.kumo.exercise.drill.PackCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;

/** Which active detection rules watch a log source for some ATT&amp;CK techniques. */
@FunctionalInterface
public interface DetectionCoverage {
  /** No rules at all. */
  DetectionCoverage NONE = (techniques, source) -> List.of();

  /** Ids of active rules and detectors reading {@code source} that carry one of {@code techniques}, sorted. */
  List<String> activeRules(List<String> techniques, String source);

  /** Coverage of a loaded rule pack; rules that run dry or are disabled do not count. Answers are memoised. */
  static DetectionCoverage of(PackCoverage pack) {
    Map<List<String>, List<String>> memo = new ConcurrentHashMap<>();
    return (techniques, source) -> memo.computeIfAbsent(concat(techniques, source), k -> {
      TreeSet<String> out = new TreeSet<>();
      for (String t : techniques) {
        for (PackCoverage.Match m : pack.covering(t, source)) {
          if (m.entry().state() == PackCoverage.State.ACTIVE) {
            out.add(m.entry().displayId());
          }
        }
      }
      return List.copyOf(out);
    });
  }

  private static List<String> concat(List<String> techniques, String source) {
    List<String> key = new ArrayList<>(techniques);
    key.add(source);
    return List.copyOf(key);
  }
}
