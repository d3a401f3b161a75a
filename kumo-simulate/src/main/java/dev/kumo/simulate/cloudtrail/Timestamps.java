package dev.kumo.simulate.cloudtrail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats times as CloudTrail writes them: {@code 2026-03-01T08:15:02Z} for event and session times,
 * {@code Mar 1, 2026, 8:15:02 PM} for credential expirations. Remembers the last second formatted,
 * since events come in time order. Not thread-safe.
 */
public final class Timestamps {
  private static final DateTimeFormatter EXPIRATION =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private long lastSecond = Long.MIN_VALUE;
  private String last = "";

  /** ISO-8601 in UTC, whole seconds. */
  public String format(long millis) {
    long second = Math.floorDiv(millis, 1000);
    if (second != lastSecond) {
      lastSecond = second;
      last = Instant.ofEpochSecond(second).toString();
    }
    return last;
  }

  /** The expiration style of STS responses. */
  public static String expiration(long millis) {
    return EXPIRATION.format(Instant.ofEpochMilli(millis));
  }
}
