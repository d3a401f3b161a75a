package dev.kumo.ingest.support;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.time.Timestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Reading values out of log records. Stateless and thread-safe. */
public final class Values {
  private Values() {}

  /** Longest text of a log value copied into a problem message. */
  private static final int MESSAGE_CAP = 80;

  /** The member {@code key}, matched exactly or else ignoring case (Panther lower-cases some keys). */
  public static @Nullable Object member(JsonObject o, String key) {
    return o.getIgnoreCase(key);
  }

  /** The object at {@code key} (any case), or null (also when {@code o} is null). */
  public static @Nullable JsonObject object(@Nullable JsonObject o, String key) {
    return o != null && member(o, key) instanceof JsonObject v ? v : null;
  }

  /** The array at {@code key} (any case), or null (also when {@code o} is null). */
  public static @Nullable JsonArray array(@Nullable JsonObject o, String key) {
    return o != null && member(o, key) instanceof JsonArray v ? v : null;
  }

  /** The object at a path of keys (any case), or null. */
  public static @Nullable JsonObject object(@Nullable JsonObject o, String key, String... more) {
    JsonObject cur = object(o, key);
    for (int i = 0; cur != null && i < more.length; i++) {
      cur = object(cur, more[i]);
    }
    return cur;
  }

  /** A non-empty string at {@code key} (any case); null when absent, empty or not a string. */
  public static @Nullable String text(@Nullable JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    return member(o, key) instanceof String s && !s.isEmpty() ? s : null;
  }

  /** Like {@link #text}, but numbers and booleans are given as their JSON text. */
  public static @Nullable String scalar(@Nullable JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    return scalarText(member(o, key));
  }

  /** A string, number or boolean as text; null for anything else and for empty strings. */
  public static @Nullable String scalarText(@Nullable Object v) {
    if (v instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal || v instanceof Boolean) {
      return JsonText.scalarText(v);
    }
    return null;
  }

  /** A whole number at {@code key} (JSON number or numeric string), or null. */
  public static @Nullable Long number(@Nullable JsonObject o, String key) {
    return o == null ? null : toLong(member(o, key));
  }

  /** A whole number from a JSON number or a numeric string (at most 18 digits), or null. */
  public static @Nullable Long toLong(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof String s && !s.isEmpty() && s.length() < 19) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < '0' || c > '9') && !(i == 0 && c == '-' && s.length() > 1)) {
          return null;
        }
      }
      return Long.parseLong(s);
    }
    return null;
  }

  /** Whether {@code v} is JSON true or the string "true" (any case). */
  public static boolean isTrue(@Nullable Object v) {
    return Boolean.TRUE.equals(v) || v instanceof String s && s.equalsIgnoreCase("true");
  }

  /**
   * A time as logs write it: ISO-8601 text (with {@code T} or, as Panther writes it, a space between
   * date and time; offset optional, read as UTC when absent), or a number of epoch seconds,
   * milliseconds, microseconds (above 10^14) or nanoseconds (above 10^17). Null when {@code v} is none of these.
   */
  public static @Nullable Instant time(@Nullable Object v) {
    if (v instanceof String s) {
      s = s.trim();
      if (s.length() > 10 && s.length() <= 40 && s.charAt(10) == ' ') {
        s = s.substring(0, 10) + 'T' + s.substring(11);
        if (s.endsWith(" UTC")) {
          s = s.substring(0, s.length() - 4) + 'Z';
        }
      }
      return Timestamps.parseIso(s);
    }
    if (v instanceof Long l && Math.abs(l) > 100_000_000_000_000_000L) {
      return Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000_000L), Math.floorMod(l, 1_000_000_000L));
    }
    if (v instanceof Long l && Math.abs(l) > 100_000_000_000_000L) {
      return Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1000L);
    }
    if (v == null || v == JsonNull.INSTANCE || v instanceof Boolean) {
      return null;
    }
    try {
      return Timestamps.parseLenient(v);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** A stable id for a record without one: {@code sha256:} and the first 16 bytes of its JSON's digest. */
  public static String contentId(JsonObject r) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(r.toJson().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** A log value shortened for a one-line problem message (log values are untrusted). */
  public static String forMessage(@Nullable String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder(Math.min(value.length(), MESSAGE_CAP) + 3);
    for (int i = 0; i < value.length() && i < MESSAGE_CAP; i++) {
      char c = value.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (value.length() > MESSAGE_CAP) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** The part of an e-mail address before the {@code @}, or the whole value. */
  public static @Nullable String localPart(@Nullable String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at > 0 ? email.substring(0, at) : email;
  }
}
