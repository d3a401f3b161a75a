package dev.kumo.attack;

import java.io.Serializable;
import java.util.List;

/**
 * The ATT&CK context of a rule or finding.
 *
 * @param techniques technique ids as tagged (upper case, e.g. {@code T1562.008})
 * @param tactics tactics in kill-chain order, v18 names
 * @param unknownTechniques tagged ids the bundled catalog does not know (reported by lint)
 */
public record AttackInfo(List<String> techniques, List<Tactic> tactics, List<String> unknownTechniques)
    implements Serializable {
  public static final AttackInfo NONE = new AttackInfo(List.of(), List.of(), List.of());

  public AttackInfo {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    unknownTechniques = List.copyOf(unknownTechniques);
  }

  /** The most specific technique to show in one column, or empty. */
  public String primaryTechnique() {
    return techniques.stream().filter(t -> t.contains(".")).findFirst()
        .orElse(techniques.isEmpty() ? "" : techniques.get(0));
  }

  public boolean isEmpty() {
    return techniques.isEmpty() && tactics.isEmpty();
  }
}
