package dev.kumo.posture.deadspot;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A recorded statement that a control is done by hand, or that the provider's part was verified (a SOC 2 /
 * ISO 27001 report or CAIQ answer reviewed).
 *
 * @param provider true for a verification of the provider's side, false for the customer's own part
 * @param by the team or person who recorded it
 * @param expires after this date it no longer counts; null when it does not expire
 * @param where file and line it was read from
 */
public record Attestation(String control, boolean provider, String by, LocalDate date, @Nullable LocalDate expires,
    String evidence, String where) {
  /** True when it counts on {@code day}. */
  public boolean validOn(LocalDate day) {
    return !date.isAfter(day) && (expires == null || !expires.isBefore(day));
  }
}
