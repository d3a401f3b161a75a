package dev.kumo.respond.plan;

import java.util.Locale;

/** What a step does to the cloud: the executor stops every {@link #CHANGE} step whose evidence steps failed. */
public enum Effect {
  /** Only reads; changes nothing. */
  READ,
  /** Records or protects evidence (state capture, tags, termination protection, snapshots, locks, log copies). */
  PRESERVE,
  /**
   * Cuts the attacker off (network isolation, identity revocation) without destroying evidence, reversibly; runs
   * before the snapshots because an attacker must not keep access while they are taken.
   */
  CONTAIN,
  /** Changes or replaces a resource in a way that may destroy evidence: only after the evidence steps succeeded. */
  CHANGE;

  /** The YAML and JSON name, e.g. {@code preserve}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
