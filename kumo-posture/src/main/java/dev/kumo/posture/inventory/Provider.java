package dev.kumo.posture.inventory;

import java.util.Locale;

/** The cloud a resource lives in. */
public enum Provider {
  AWS,
  AZURE,
  GCP;

  /** The lower-case spelling used in kinds and output, e.g. {@code aws}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@link #id()} case-insensitively.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Provider parse(String text) {
    for (Provider p : values()) {
      if (p.id().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown provider '" + text + "' (known: aws, azure, gcp)");
  }
}
