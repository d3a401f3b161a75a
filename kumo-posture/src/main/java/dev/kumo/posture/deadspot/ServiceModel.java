package dev.kumo.posture.deadspot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Cloud service models. */
public enum ServiceModel {
  IAAS,
  PAAS,
  SAAS;

  /** The catalog spelling, e.g. {@code iaas}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the catalog spelling, or null. */
  public static @Nullable ServiceModel parse(String text) {
    for (ServiceModel m : values()) {
      if (m.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    return null;
  }
}
