package dev.kumo.export;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.FindingRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where a rule's findings sit in ATT&amp;CK: technique × tactic pairs. */
final class FindingAttacks {
  /**
   * One placement.
   *
   * @param technique the bundled-data technique id, or null for a rule tagged with tactics only
   * @param tactic the tactic, or null when neither the rule nor the catalog names one
   */
  record Placement(@Nullable String technique, @Nullable Tactic tactic) {}

  private FindingAttacks() {}

  /**
   * Each technique of the rule under the rule's tactics that ATT&amp;CK lists for it; under all of the
   * technique's tactics when the rule names none of them; under the rule's tactics for techniques the
   * catalog does not know. A rule with tactics but no techniques gives tactic-only placements. Distinct,
   * in tag order then kill-chain order.
   */
  static List<Placement> of(FindingRule rule, AttackCatalog catalog) {
    Set<Placement> out = new LinkedHashSet<>();
    for (String tagged : rule.techniques()) {
      String id = catalog.canonicalId(tagged);
      List<Tactic> known = catalog.tacticsFor(id);
      List<Tactic> chosen = new ArrayList<>();
      for (Tactic t : known) {
        if (rule.tactics().contains(t)) {
          chosen.add(t);
        }
      }
      if (chosen.isEmpty()) {
        chosen.addAll(known.isEmpty() ? rule.tactics() : known);
      }
      if (chosen.isEmpty()) {
        out.add(new Placement(id, null));
      }
      for (Tactic t : chosen) {
        out.add(new Placement(id, t));
      }
    }
    if (rule.techniques().isEmpty()) {
      for (Tactic t : rule.tactics()) {
        out.add(new Placement(null, t));
      }
    }
    return List.copyOf(out);
  }

  /** The ATT&amp;CK page of a technique, e.g. {@code https://attack.mitre.org/techniques/T1562/008/}. */
  static String url(String technique) {
    return "https://attack.mitre.org/techniques/" + technique.replace('.', '/') + "/";
  }

  /** The parent of a sub-technique ({@code T1562} for {@code T1562.008}), or the id itself. */
  static String parent(String technique) {
    int dot = technique.indexOf('.');
    return dot < 0 ? technique : technique.substring(0, dot);
  }
}
