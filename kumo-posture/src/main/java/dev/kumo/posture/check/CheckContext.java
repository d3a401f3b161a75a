package dev.kumo.posture.check;

import java.time.Instant;

/**
 * What checks may depend on besides the inventory.
 *
 * @param now the evaluation time (from the injected clock), for key and password ages
 * @param keyMaxAgeDays access keys older than this fail rotation checks (CIS: 90)
 * @param unusedDays credentials unused for longer than this fail (CIS: 45)
 */
public record CheckContext(Instant now, int keyMaxAgeDays, int unusedDays) {
  /** The CIS thresholds at {@code now}. */
  public static CheckContext at(Instant now) {
    return new CheckContext(now, 90, 45);
  }
}
