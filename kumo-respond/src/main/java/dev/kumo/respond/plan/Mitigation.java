package dev.kumo.respond.plan;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ATT&CK Enterprise mitigation. {@link #known} is the table of the mitigations Kumo's playbooks use, with
 * their names as in ATT&CK v18; playbooks naming any other id are refused.
 */
public record Mitigation(String id, String name) {
  private static final Map<String, String> TABLE = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.ofEntries(
      Map.entry("M1018", "User Account Management"),
      Map.entry("M1022", "Restrict File and Directory Permissions"),
      Map.entry("M1026", "Privileged Account Management"),
      Map.entry("M1029", "Remote Data Storage"),
      Map.entry("M1030", "Network Segmentation"),
      Map.entry("M1032", "Multi-factor Authentication"),
      Map.entry("M1037", "Filter Network Traffic"),
      Map.entry("M1041", "Encrypt Sensitive Information"),
      Map.entry("M1047", "Audit"),
      Map.entry("M1053", "Data Backup"))));

  /** The mitigation {@code id} from the table, if known. */
  public static Optional<Mitigation> byId(String id) {
    String name = TABLE.get(id);
    return name == null ? Optional.empty() : Optional.of(new Mitigation(id, name));
  }

  /** Every known id, sorted. */
  public static java.util.Set<String> known() {
    return TABLE.keySet();
  }

  @Override
  public String toString() {
    return id + " " + name;
  }
}
