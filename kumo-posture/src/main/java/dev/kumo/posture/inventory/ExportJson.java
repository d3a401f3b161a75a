package dev.kumo.posture.inventory;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Lenient, null-safe access to parsed export JSON: a path of keys (matched exactly, else ignoring case) leads
 * to a value; JSON null, a missing key or a value of another type all read as null. Strings that spell
 * booleans or whole numbers are accepted, since exports disagree on how they print them. With no path the
 * methods convert {@code root} itself, so readers with their own key rules (several candidate names, JSON
 * carried in strings) find the value and convert it here. {@link #typed} is the one strict read, for
 * readers (AWS CLI, Panther) that refuse a field of the wrong type.
 */
public final class ExportJson {
  /** Parser limits for exports: deep enough for any real resource, bounded against hostile input. */
  public static final JsonTreeReader READER = new JsonTreeReader(200, 16 << 20);

  private ExportJson() {}

  /** The value at {@code path} under {@code root}, or null. */
  public static @Nullable Object at(@Nullable Object root, String... path) {
    Object cur = root;
    for (String key : path) {
      if (!(cur instanceof JsonObject o)) {
        return null;
      }
      cur = o.getIgnoreCase(key);
    }
    return cur == JsonNull.INSTANCE ? null : cur;
  }

  public static @Nullable JsonObject object(@Nullable Object root, String... path) {
    return at(root, path) instanceof JsonObject o ? o : null;
  }

  public static @Nullable JsonArray array(@Nullable Object root, String... path) {
    return at(root, path) instanceof JsonArray a ? a : null;
  }

  /** The string at {@code path}; numbers and booleans are written as text. */
  public static @Nullable String string(@Nullable Object root, String... path) {
    Object v = at(root, path);
    if (v instanceof String s) {
      return s;
    }
    return v instanceof Boolean || v instanceof Number ? v.toString() : null;
  }

  /** A boolean, or the strings {@code true}/{@code false} in any case. */
  public static @Nullable Boolean bool(@Nullable Object root, String... path) {
    Object v = at(root, path);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      return t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
    }
    return null;
  }

  /** A whole number that fits a long, from a JSON number or a numeric string. */
  public static @Nullable Long number(@Nullable Object root, String... path) {
    Object v = at(root, path);
    try {
      if (v instanceof Long l) {
        return l;
      }
      if (v instanceof BigInteger b) {
        return b.longValueExact();
      }
      if (v instanceof BigDecimal d) {
        return d.longValueExact();
      }
      if (v instanceof String s) {
        return Long.parseLong(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** The strings of the array at {@code path} (other elements left out), or null when there is no array. */
  public static @Nullable List<String> strings(@Nullable Object root, String... path) {
    JsonArray a = array(root, path);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  /** The objects of the array at {@code path}; empty when absent. */
  public static List<JsonObject> objects(@Nullable Object root, String... path) {
    JsonArray a = array(root, path);
    List<JsonObject> out = new ArrayList<>();
    if (a != null) {
      for (Object o : a) {
        if (o instanceof JsonObject j) {
          out.add(j);
        }
      }
    }
    return out;
  }

  /**
   * Strict, for readers that refuse malformed shapes: the value of {@code key} (exact name) in {@code o}; null
   * when missing or JSON null.
   *
   * @param what the expected type in words, for the message ({@code "a string"})
   * @throws IllegalArgumentException {@code "KEY is not WHAT"} when the value is not a {@code type}
   */
  public static <T> @Nullable T typed(JsonObject o, String key, Class<T> type, String what) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return null;
    }
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    throw new IllegalArgumentException(key + " is not " + what);
  }

  /** An instant from ISO-8601 text with offset, or epoch seconds (a JSON number or numeric text), or null. */
  public static @Nullable Instant time(@Nullable Object root, String... path) {
    Object v = at(root, path);
    if (v instanceof String s && !s.isBlank()) {
      try {
        return OffsetDateTime.parse(s.trim()).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return epoch(new BigDecimal(s.trim()));
        } catch (NumberFormatException e2) {
          return null;
        }
      }
    }
    if (v instanceof Long l) {
      return Instant.ofEpochSecond(l);
    }
    if (v instanceof BigDecimal d) {
      return epoch(d);
    }
    return null;
  }

  private static Instant epoch(BigDecimal seconds) {
    return Instant.ofEpochMilli(seconds.multiply(BigDecimal.valueOf(1000)).longValue());
  }
}
