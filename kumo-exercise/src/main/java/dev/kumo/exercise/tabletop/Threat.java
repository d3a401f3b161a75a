package dev.kumo.exercise.tabletop;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The seven threats of the report a tabletop can exercise; {@link #id()} is the YAML spelling. */
public enum Threat {
  APP_EXPLOITATION("app-exploitation"),
  MISCONFIGURATION("misconfiguration"),
  UPSTREAM_MOVEMENT("upstream-movement"),
  RANSOMWARE("ransomware"),
  DATA_THEFT("data-theft"),
  CRYPTOMINING("cryptomining"),
  ATTACK_INFRASTRUCTURE("attack-infrastructure");

  private final String id;

  Threat(String id) {
    this.id = id;
  }

  /** The YAML spelling, e.g. {@code data-theft}. */
  public String id() {
    return id;
  }

  /**
   * Parses the YAML spelling.
   *
   * @throws IllegalArgumentException naming the known values when {@code s} is none of them
   */
  public static Threat parse(String s) {
    for (Threat t : values()) {
      if (t.id.equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown threat '" + s + "' (known: "
        + Arrays.stream(values()).map(Threat::id).collect(Collectors.joining(", ")) + ")");
  }
}
