package dev.kumo.finding;

import dev.kumo.attack.AttackInfo;
import dev.kumo.attack.Tactic;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a finding says about its rule: one shared instance per rule, so findings stay small.
 *
 * @param id the rule's id (or name, or title when it has neither)
 * @param author the rule's author, kept for DRL 1.1 attribution of SigmaHQ rules
 * @param source where the rule came from ({@code builtin:...} or a file path)
 * @param techniques ATT&CK technique ids
 * @param tactics ATT&CK tactics (v18 vocabulary)
 * @param threats Kumo threat categories (from {@code kumo.threat.*} tags)
 */
public record FindingRule(Level level, String id, @Nullable String name, String title, @Nullable String author,
    @Nullable String license, String source, List<String> techniques, List<Tactic> tactics, List<String> threats)
    implements Serializable {

  public FindingRule {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    threats = List.copyOf(threats);
  }

  public static FindingRule of(RuleMeta m, AttackInfo attack, List<String> threats) {
    return new FindingRule(m.effectiveLevel(), m.key(), m.name(), m.title(), m.author(), m.license(),
        m.origin().file(), attack.techniques(), attack.tactics(), threats);
  }
}
