package dev.kumo.incident;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The attack chain of a group of findings: one {@link NarrativeStep} per tactic, in kill-chain order. */
final class Narrative {
  /** Rule titles named per step. */
  static final int TITLES = 3;
  /** Principals and addresses named per step. */
  static final int ACTORS = 2;

  private Narrative() {}

  /**
   * The steps of {@code findings} (time order); a finding with several tactics counts in each, with
   * those of its techniques that {@code catalog} places under the step's tactic (all when none is).
   */
  static List<NarrativeStep> of(List<Finding> findings, AttackCatalog catalog) {
    Map<Tactic, List<Finding>> byTactic = new EnumMap<>(Tactic.class);
    for (Finding f : findings) {
      for (Tactic t : f.tactics()) {
        byTactic.computeIfAbsent(t, k -> new ArrayList<>()).add(f);
      }
    }
    List<NarrativeStep> steps = new ArrayList<>(byTactic.size());
    for (Map.Entry<Tactic, List<Finding>> e : byTactic.entrySet()) {
      steps.add(step(e.getKey(), e.getValue(), catalog));
    }
    return steps;
  }

  private static NarrativeStep step(Tactic tactic, List<Finding> fs, AttackCatalog catalog) {
    Instant first = fs.get(0).time();
    Instant last = first;
    Level level = Level.INFORMATIONAL;
    TreeSet<String> techniques = new TreeSet<>();
    Map<String, Integer> titles = new LinkedHashMap<>();
    TreeSet<String> principals = new TreeSet<>();
    TreeSet<String> ips = new TreeSet<>();
    for (Finding f : fs) {
      if (f.time().isAfter(last)) {
        last = f.time();
      }
      if (f.level().atLeast(level)) {
        level = f.level();
      }
      List<String> own = f.rule().techniques().stream().filter(t -> catalog.tacticsFor(t).contains(tactic)).toList();
      techniques.addAll(own.isEmpty() ? f.rule().techniques() : own);
      titles.merge(f.ruleTitle(), 1, Integer::sum);
      if (f.event().principal() != null) {
        principals.add(f.event().principal());
      }
      if (f.event().sourceIp() != null) {
        ips.add(f.event().sourceIp());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(fs.size()).append(fs.size() == 1 ? " finding: " : " findings: ");
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(titles.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (int i = 0; i < Math.min(TITLES, ranked.size()); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(ranked.get(i).getKey());
      if (ranked.get(i).getValue() > 1) {
        text.append(" (").append(ranked.get(i).getValue()).append("x)");
      }
    }
    if (ranked.size() > TITLES) {
      text.append("; and ").append(ranked.size() - TITLES).append(" more rules");
    }
    appendSome(text, " by ", principals);
    appendSome(text, " from ", ips);
    return new NarrativeStep(tactic, first, last, level, List.copyOf(techniques), text.toString(), fs.size());
  }

  private static void appendSome(StringBuilder text, String prefix, TreeSet<String> values) {
    if (values.isEmpty()) {
      return;
    }
    text.append(prefix);
    int i = 0;
    for (String v : values) {
      if (i == ACTORS) {
        text.append(" and ").append(values.size() - ACTORS).append(" more");
        break;
      }
      text.append(i > 0 ? ", " : "").append(v);
      i++;
    }
  }
}
