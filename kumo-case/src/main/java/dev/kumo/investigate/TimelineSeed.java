package dev.kumo.investigate;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline starts from, and the time range it covers.
 *
 * @param kind what {@code value} is
 * @param value the principal ARN (a role ARN covers all its sessions), access key id, address,
 *     resource ARN or session (a temporary access key id or a role session name)
 * @param from earliest event time (inclusive), or null
 * @param to latest event time (exclusive), or null
 * @param limit most events listed (the rest are counted)
 */
public record TimelineSeed(Kind kind, String value, @Nullable Instant from, @Nullable Instant to, int limit) {
  /** The pivots {@code kumo timeline} offers. */
  public enum Kind {
    PRINCIPAL, ACCESS_KEY, IP, RESOURCE, SESSION
  }

  public TimelineSeed {
    if (value.isBlank()) {
      throw new IllegalArgumentException("empty " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }
}
