package dev.kumo.investigate;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Findings counted per ATT&amp;CK tactic and technique, for heat maps. A finding counts once per (tactic,
 * technique) cell: a technique goes under the rule's tactics that the technique belongs to (all the rule's
 * tactics when none does, the technique's own tactics when the rule names none). Techniques with no tactic are
 * counted apart; a rule naming tactics but no technique counts under {@link #NO_TECHNIQUE}.
 *
 * @param cells tactic → technique → findings
 * @param perTactic tactic → findings touching it (each once)
 * @param noTactic technique → findings, for techniques with no tactic
 * @param max the busiest cell (at least 1)
 */
public record AttackCounts(Map<Tactic, Map<String, Long>> cells, Map<Tactic, Long> perTactic,
    Map<String, Long> noTactic, long max) {
  /** Cell key of findings whose rule names tactics but no technique. */
  public static final String NO_TECHNIQUE = "";

  /** Counts {@code findings} (all of them: leave out suppressed ones before, if wanted). */
  public static AttackCounts of(List<Finding> findings) {
    AttackCatalog catalog = AttackCatalog.bundled();
    Map<Tactic, Map<String, Long>> cells = new EnumMap<>(Tactic.class);
    Map<Tactic, Long> perTactic = new EnumMap<>(Tactic.class);
    Map<String, Long> noTactic = new TreeMap<>();
    for (Finding f : findings) {
      Set<Tactic> touched = new LinkedHashSet<>();
      for (String tech : f.techniques()) {
        Set<Tactic> ts = new LinkedHashSet<>(tactics(f, tech, catalog));
        if (ts.isEmpty()) {
          noTactic.merge(tech, 1L, Long::sum);
        }
        for (Tactic t : ts) {
          cells.computeIfAbsent(t, k -> new TreeMap<>()).merge(tech, 1L, Long::sum);
          touched.add(t);
        }
      }
      if (f.techniques().isEmpty()) {
        for (Tactic t : new LinkedHashSet<>(f.tactics())) {
          cells.computeIfAbsent(t, k -> new TreeMap<>()).merge(NO_TECHNIQUE, 1L, Long::sum);
          touched.add(t);
        }
      }
      touched.forEach(t -> perTactic.merge(t, 1L, Long::sum));
    }
    long max = 1;
    for (Map<String, Long> m : cells.values()) {
      for (long v : m.values()) {
        max = Math.max(max, v);
      }
    }
    for (long v : noTactic.values()) {
      max = Math.max(max, v);
    }
    return new AttackCounts(cells, perTactic, noTactic, max);
  }

  /** True when no finding names a tactic or technique. */
  public boolean isEmpty() {
    return cells.isEmpty() && noTactic.isEmpty();
  }

  private static List<Tactic> tactics(Finding f, String tech, AttackCatalog catalog) {
    List<Tactic> own = catalog.tacticsFor(tech);
    if (f.tactics().isEmpty()) {
      return own;
    }
    List<Tactic> both = f.tactics().stream().filter(own::contains).toList();
    return both.isEmpty() ? f.tactics() : both;
  }
}
