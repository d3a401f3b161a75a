package dev.kumo.ingest.netlogs;

import dev.kumo.time.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Timestamps as network and web logs write them, parsed without formatters on the common paths:
 * ISO-8601 with {@code T} or a space, 0 to 9 fraction digits and {@code Z}, an offset or nothing
 * (UTC); S3's {@code 06/Feb/2019:00:00:38 +0000}; epoch seconds or milliseconds.
 */
public final class Times {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private Times() {}

  /**
   * A record value as a time: an ISO-8601 or S3 timestamp string, or a number of epoch seconds
   * (milliseconds when above 10^11). Null when it is none of these.
   */
  public static @Nullable Instant parse(@Nullable Object v) {
    if (v instanceof String s) {
      return text(s);
    }
    if (v != null) {
      return Timestamps.parseLenient(v);
    }
    return null;
  }

  /** A timestamp string in any of the forms above, or null. */
  public static @Nullable Instant text(String s) {
    Instant t = iso(s, 0, s.length());
    if (t != null) {
      return t;
    }
    t = s3(s);
    if (t != null) {
      return t;
    }
    if (s.length() > 40) {
      return null;
    }
    long digits = Values.parseLong(s, 0, s.length());
    if (digits != Long.MIN_VALUE) {
      return Timestamps.parseLenient(digits);
    }
    return Timestamps.parseIso(s.length() > 10 && s.charAt(10) == ' ' ? s.replace(' ', 'T') : s);
  }

  /** Epoch seconds, or null when outside the supported range. */
  public static @Nullable Instant epochSeconds(long seconds) {
    try {
      return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Parses {@code yyyy-MM-dd(T| )HH:mm:ss[.f{1,9}][Z|±HH:MM|±HHMM]} in {@code s[from, to)}; no offset
   * means UTC. Null when the text is not exactly that.
   */
  public static @Nullable Instant iso(CharSequence s, int from, int to) {
    int n = to - from;
    if (n < 19 || n > 35) {
      return null;
    }
    char sep = s.charAt(from + 10);
    if (s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-' || (sep != 'T' && sep != ' ')
        || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
      return null;
    }
    int year = digits(s, from, 4);
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    int hour = digits(s, from + 11, 2);
    int minute = digits(s, from + 14, 2);
    int second = digits(s, from + 17, 2);
    int i = from + 19;
    int nanos = 0;
    if (i < to && s.charAt(i) == '.') {
      i++;
      int fractionDigits = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (fractionDigits == 9) {
          return null;
        }
        nanos = nanos * 10 + (s.charAt(i) - '0');
        fractionDigits++;
        i++;
      }
      if (fractionDigits == 0) {
        return null;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < to) {
      char z = s.charAt(i);
      if (z == 'Z' && i + 1 == to) {
        i++;
      } else if (z == '+' || z == '-') {
        int oh = digits(s, i + 1, 2);
        int om;
        if (to - i == 6 && s.charAt(i + 3) == ':') {
          om = digits(s, i + 4, 2);
        } else if (to - i == 5) {
          om = digits(s, i + 3, 2);
        } else {
          return null;
        }
        if (oh < 0 || om < 0 || oh > 18 || om > 59) {
          return null;
        }
        offsetSeconds = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
      } else {
        return null;
      }
    }
    return instant(year, month, day, hour, minute, second, nanos, offsetSeconds);
  }

  /** Parses S3's access log time {@code dd/MMM/yyyy:HH:mm:ss ±HHMM}, or returns null. */
  public static @Nullable Instant s3(String s) {
    if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':'
        || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
      return null;
    }
    int month = MONTHS.indexOf(s.substring(3, 6));
    if (month < 0 || month % 3 != 0) {
      return null;
    }
    char sign = s.charAt(21);
    int oh = digits(s, 22, 2);
    int om = digits(s, 24, 2);
    if ((sign != '+' && sign != '-') || oh < 0 || om < 0 || oh > 18 || om > 59) {
      return null;
    }
    return instant(digits(s, 7, 4), month / 3 + 1, digits(s, 0, 2), digits(s, 12, 2), digits(s, 15, 2),
        digits(s, 18, 2), 0, (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60));
  }

  private static @Nullable Instant instant(int year, int month, int day, int hour, int minute, int second,
      int nanos, int offsetSeconds) {
    if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
        || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static int digits(CharSequence s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
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
}
