package dev.kumo.ingest.values;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.time.Timestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Reads values out of records. Stateless; every method accepts hostile input and never throws. */
public final class Values {
  private Values() {}

  /** The value of {@code key}, matched exactly or else ignoring case (exports disagree on casing). */
  public static @Nullable Object getCi(@Nullable JsonObject o, String key) {
    return o == null ? null : o.getIgnoreCase(key);
  }

  /** The object value of {@code key} (any casing), or null. */
  public static @Nullable JsonObject objectCi(@Nullable JsonObject o, String key) {
    return getCi(o, key) instanceof JsonObject v ? v : null;
  }

  /** The array value of {@code key} (any casing), or null. */
  public static @Nullable JsonArray arrayCi(@Nullable JsonObject o, String key) {
    return getCi(o, key) instanceof JsonArray v ? v : null;
  }

  /** The string value of {@code key} (any casing), or null when absent, not a string or empty. */
  public static @Nullable String textCi(@Nullable JsonObject o, String key) {
    return getCi(o, key) instanceof String s && !s.isEmpty() ? s : null;
  }

  /** The string value of {@code key} (exact casing), or null when absent, not a string or empty. */
  public static @Nullable String text(@Nullable JsonObject o, String key) {
    return o != null && o.get(key) instanceof String s && !s.isEmpty() ? s : null;
  }

  /** A scalar as text (numbers and booleans too), or null for absent, empty, objects and arrays. */
  public static @Nullable String scalarText(@Nullable Object v) {
    if (v instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (v instanceof Long || v instanceof BigInteger || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return null;
  }

  /** A number, or numeric text; null when absent, not numeric or not finite. */
  public static @Nullable Double number(@Nullable Object v) {
    double d;
    if (v instanceof Long l) {
      d = l;
    } else if (v instanceof BigDecimal b) {
      d = b.doubleValue();
    } else if (v instanceof BigInteger b) {
      d = b.doubleValue();
    } else if (v instanceof String s) {
      return parseDouble(s);
    } else {
      return null;
    }
    return Double.isFinite(d) ? d : null;
  }

  /** Parses decimal text such as {@code 0.0123}, {@code -4}, {@code 1.5E-7}; null when it is not one. */
  public static @Nullable Double parseDouble(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return null; // also rejects "NaN", "Infinity" and hex floats
      }
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A whole number, or whole-number text; null otherwise. */
  public static @Nullable Long wholeNumber(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof String s && !s.isEmpty() && s.length() <= 18) {
      long r = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        r = r * 10 + (c - '0');
      }
      return r;
    }
    return null;
  }

  /**
   * A timestamp: ISO-8601 text with {@code T} or a space between date and time (Panther and CSV
   * exports write {@code 2025-02-25 20:40:06.721}), with or without fraction and offset (UTC when
   * none), a date alone, or epoch seconds or milliseconds. Null when it is none of these.
   */
  public static @Nullable Instant time(@Nullable Object v) {
    if (v instanceof String s) {
      Instant fast = fastUtc(s);
      if (fast != null) {
        return fast;
      }
      if (s.length() > 10 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + 'T' + s.substring(11);
      }
      return Timestamps.parseIso(s.trim());
    }
    return v == null ? null : Timestamps.parseLenient(v);
  }

  /**
   * Parses {@code yyyy-MM-dd[T| ]HH:mm:ss[.fraction][Z]} (UTC) without allocating; null for other
   * forms, which {@link #time} hands to the general parser.
   */
  static @Nullable Instant fastUtc(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = 19;
    long nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int len = i - start;
      if (len == 0) {
        return null;
      }
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i < n && s.charAt(i) == 'Z') {
      i++;
    }
    if (i != n) {
      return null; // an offset or trailing text: the general parser decides
    }
    if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86400L + hour * 3600L + minute * 60L + second, nanos);
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

  /** A stable id derived from the record's content, for records without an id of their own. */
  public static String contentId(JsonObject record) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(record.toJson().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** {@code s} cut to {@code max} characters (with an ellipsis), for messages about hostile values. */
  public static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
