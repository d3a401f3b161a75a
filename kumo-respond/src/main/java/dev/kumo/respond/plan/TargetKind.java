package dev.kumo.respond.plan;

import java.util.Locale;
import java.util.Optional;

/** A kind of target a playbook acts on. */
public enum TargetKind {
  INSTANCE, ACCESS_KEY, ROLE, BUCKET, ACCOUNT, REGION;

  /** The YAML name, e.g. {@code access-key}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind named {@code id}, if any. */
  public static Optional<TargetKind> byId(String id) {
    for (TargetKind k : values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
