package dev.kumo.serve.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where an analyst has put an incident; every incident starts {@link #OPEN}. */
public enum IncidentStatus {
  OPEN, TRIAGED, CLOSED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static @Nullable IncidentStatus parse(@Nullable String text) {
    for (IncidentStatus s : values()) {
      if (s.id().equals(text)) {
        return s;
      }
    }
    return null;
  }
}
