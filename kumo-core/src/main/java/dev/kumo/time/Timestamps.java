package dev.kumo.time;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the timestamp forms found in cloud logs, with a fast path for {@code yyyy-MM-ddTHH:mm:ssZ}. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses an ISO-8601 instant such as {@code 2024-07-30T21:31:21Z}, with optional fraction and
   * offset, or a date-time without offset (read as UTC).
   *
   * @return the instant, or null when {@code s} is not such a timestamp
   */
  public static @Nullable Instant parseIso(String s) {
    Instant fast = fastUtcSeconds(s);
    if (fast != null) {
      return fast;
    }
    if (s.length() < 10 || s.length() > 40) {
      return null;
    }
    if (s.length() > 11 && s.charAt(10) == ' ') {
      return parseIso(s.substring(0, 10) + 'T' + s.substring(11)); // SQL style, as Athena and Presto write it
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
    } catch (DateTimeParseException e) {
      // fall through
    }
    return null;
  }

  /**
   * Parses a leaf value as a time: ISO-8601 text, or a number of epoch seconds (or milliseconds
   * when larger than 10^11).
   */
  public static @Nullable Instant parseLenient(Object value) {
    if (value instanceof String s) {
      return parseIso(s.trim());
    }
    try {
      if (value instanceof Long l) {
        return Math.abs(l) > 100_000_000_000L ? Instant.ofEpochMilli(l) : Instant.ofEpochSecond(l);
      }
      if (value instanceof BigDecimal d) {
        double v = d.doubleValue();
        if (Double.isFinite(v) && Math.abs(v) < 1e15) {
          return Math.abs(v) > 1e11 ? Instant.ofEpochMilli((long) v) : Instant.ofEpochMilli((long) (v * 1000));
        }
      }
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static @Nullable Instant fastUtcSeconds(String s) {
    // yyyy-MM-ddTHH:mm:ssZ (20 chars), as CloudTrail writes it
    if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
        || hour > 23 || minute > 59 || second > 59 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86400L + hour * 3600L + minute * 60L + second);
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Parses user input for {@code --from/--to}: an instant, a date-time (UTC) or a date. */
  public static Instant parseUserTime(String text) {
    Instant t = parseIso(text.trim());
    if (t == null) {
      throw new IllegalArgumentException("'" + text
          + "' is not a time; use e.g. 2024-05-01, 2024-05-01T10:00:00Z or 2024-05-01T10:00:00+09:00");
    }
    return t;
  }
}
