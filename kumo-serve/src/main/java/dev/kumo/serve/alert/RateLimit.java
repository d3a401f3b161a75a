package dev.kumo.serve.alert;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code count} alerts per {@code per}, as a token bucket that starts full and refills evenly.
 *
 * @param count at least 1
 * @param per positive
 */
public record RateLimit(long count, Duration per) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(s|sec|second|m|min|minute|h|hour|d|day)");

  public RateLimit {
    if (count < 1 || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("rate limit must be a positive count per positive period");
    }
  }

  /** Parses {@code 30/min}, {@code 5/s}, {@code 100/hour}, {@code 1000/day}; empty when malformed. */
  public static Optional<RateLimit> parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
      return Optional.empty();
    }
    Duration per = switch (m.group(2)) {
      case "s", "sec", "second" -> Duration.ofSeconds(1);
      case "m", "min", "minute" -> Duration.ofMinutes(1);
      case "h", "hour" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
    return Optional.of(new RateLimit(Long.parseLong(m.group(1)), per));
  }

  @Override
  public String toString() {
    return count + "/" + per;
  }
}
