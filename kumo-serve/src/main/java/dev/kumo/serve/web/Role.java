package dev.kumo.serve.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a console user or API token may do; each role includes the ones before it. */
public enum Role {
  /** Reads pages and the API. */
  VIEWER,
  /** Also adds notes and changes incident status. */
  ANALYST,
  /** Everything. */
  ADMIN;

  /** The role's name in configuration ({@code viewer}, {@code analyst}, {@code admin}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role may do what {@code needed} may. */
  public boolean allows(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The role named {@code text} in configuration, or null. */
  public static @Nullable Role parse(String text) {
    for (Role r : values()) {
      if (r.id().equals(text)) {
        return r;
      }
    }
    return null;
  }
}
