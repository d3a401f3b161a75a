package dev.kumo.attack;

import java.io.Serializable;
import java.util.List;

/**
 * An ATT&CK technique or sub-technique.
 *
 * @param id e.g. {@code T1078.004}
 * @param tactics the tactic short names of the bundled ATT&CK data (may include defense-evasion)
 * @param deprecated whether MITRE marks it deprecated
 */
public record Technique(String id, String name, List<String> tactics, List<String> platforms, boolean deprecated)
    implements Serializable {
  public Technique {
    tactics = List.copyOf(tactics);
    platforms = List.copyOf(platforms);
  }
}
