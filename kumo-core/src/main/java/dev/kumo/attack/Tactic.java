package dev.kumo.attack;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * ATT&CK Enterprise tactics in kill-chain order, with the v18 split of "Defense Evasion" into
 * {@link #STEALTH} and {@link #DEFENSE_IMPAIRMENT}. The old name is accepted on input and mapped by
 * technique (see {@link AttackCatalog#tacticsFor}).
 */
public enum Tactic {
  RECONNAISSANCE("reconnaissance", "Reconnaissance", "TA0043"),
  RESOURCE_DEVELOPMENT("resource-development", "Resource Development", "TA0042"),
  INITIAL_ACCESS("initial-access", "Initial Access", "TA0001"),
  EXECUTION("execution", "Execution", "TA0002"),
  PERSISTENCE("persistence", "Persistence", "TA0003"),
  PRIVILEGE_ESCALATION("privilege-escalation", "Privilege Escalation", "TA0004"),
  STEALTH("stealth", "Stealth", "TA0005"),
  DEFENSE_IMPAIRMENT("defense-impairment", "Defense Impairment", ""),
  CREDENTIAL_ACCESS("credential-access", "Credential Access", "TA0006"),
  DISCOVERY("discovery", "Discovery", "TA0007"),
  LATERAL_MOVEMENT("lateral-movement", "Lateral Movement", "TA0008"),
  COLLECTION("collection", "Collection", "TA0009"),
  COMMAND_AND_CONTROL("command-and-control", "Command and Control", "TA0011"),
  EXFILTRATION("exfiltration", "Exfiltration", "TA0010"),
  IMPACT("impact", "Impact", "TA0040");

  /** The pre-v18 short name that {@link #STEALTH} and {@link #DEFENSE_IMPAIRMENT} replace. */
  public static final String DEFENSE_EVASION = "defense-evasion";

  private final String shortName;
  private final String displayName;
  private final String id;

  Tactic(String shortName, String displayName, String id) {
    this.shortName = shortName;
    this.displayName = displayName;
    this.id = id;
  }

  /** The tag form, e.g. {@code privilege-escalation}. */
  public String shortName() {
    return shortName;
  }

  public String displayName() {
    return displayName;
  }

  /** The ATT&CK id (TA....), empty when the bundled data has none. */
  public String id() {
    return id;
  }

  /** Normalizes spelling: lower case, underscores and spaces to hyphens. */
  public static String normalize(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

  /** The tactic for a short or display name; null for unknown names and for "defense-evasion". */
  public static @Nullable Tactic parse(String name) {
    String n = normalize(name);
    for (Tactic t : values()) {
      if (t.shortName.equals(n)) {
        return t;
      }
    }
    return null;
  }
}
