package dev.kumo.sigma;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Sigma rule levels, lowest first. */
public enum Level {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The Sigma spelling, e.g. {@code high}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a Sigma level (case-insensitive); {@code info} is accepted for informational. */
  public static @Nullable Level parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("info")) {
      return INFORMATIONAL;
    }
    for (Level l : values()) {
      if (l.id().equals(t)) {
        return l;
      }
    }
    return null;
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }
}
