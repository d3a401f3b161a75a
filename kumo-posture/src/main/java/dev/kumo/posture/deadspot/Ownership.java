package dev.kumo.posture.deadspot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who owns a control for a service model or service (CCM STA-04 values, simplified). */
public enum Ownership {
  PROVIDER("provider"),
  CUSTOMER("customer"),
  SHARED("shared"),
  NOT_APPLICABLE("n/a");

  private final String id;

  Ownership(String id) {
    this.id = id;
  }

  /** The catalog spelling. */
  public String id() {
    return id;
  }

  /** True when the customer has a part in it (customer or shared). */
  public boolean customerSide() {
    return this == CUSTOMER || this == SHARED;
  }

  /** Parses the catalog spelling, or null. */
  public static @Nullable Ownership parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Ownership o : values()) {
      if (o.id.equals(t)) {
        return o;
      }
    }
    return null;
  }
}
