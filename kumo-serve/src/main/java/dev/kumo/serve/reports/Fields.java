package dev.kumo.serve.reports;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Typed reads of report fields; a wrong or missing value throws {@link IllegalArgumentException} with the reason. */
final class Fields {
  private Fields() {}

  /** A required string. */
  static String text(JsonObject o, String key) {
    String v = optional(o, key);
    if (v == null) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return v;
  }

  /** A string, {@code ""} when missing or null. */
  static String textOr(JsonObject o, String key) {
    String v = optional(o, key);
    return v == null ? "" : v;
  }

  /** A string, or null when missing or null. */
  static @Nullable String optional(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' must be a string");
    }
    return s;
  }

  /** An array of strings, empty when missing. */
  static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    for (Object v : array(o, key)) {
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException("'" + key + "' must hold strings only");
      }
      out.add(s);
    }
    return out;
  }

  /** An array, empty when missing or null. */
  static List<Object> array(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw new IllegalArgumentException("'" + key + "' must be an array");
    }
    return a;
  }

  /** A required object. */
  static JsonObject object(JsonObject o, String key) {
    Object v = o.get(key);
    if (!(v instanceof JsonObject j)) {
      throw new IllegalArgumentException(v == null ? "missing '" + key + "'" : "'" + key + "' must be an object");
    }
    return j;
  }

  /** A whole number from 0 to {@link Integer#MAX_VALUE}, {@code 0} when missing. */
  static int count(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return 0;
    }
    if (!(v instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + key + "' must be a whole number from 0");
    }
    return (int) (long) n;
  }

  static boolean bool(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException("'" + key + "' must be true or false");
    }
    return b;
  }

  static Level level(JsonObject o, String key) {
    String v = text(o, key);
    Level l = Level.parse(v);
    if (l == null) {
      throw new IllegalArgumentException("unknown " + key + " '" + v + "'");
    }
    return l;
  }

  static @Nullable Visibility visibility(JsonObject o, String key, boolean required) {
    String v = required ? text(o, key) : optional(o, key);
    if (v == null) {
      return null;
    }
    for (Visibility x : Visibility.values()) {
      if (x.id().equals(v)) {
        return x;
      }
    }
    throw new IllegalArgumentException("unknown " + key + " '" + v + "'");
  }

  static Reason reason(String v) {
    for (Reason r : Reason.values()) {
      if (r.id().equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason '" + v + "'");
  }

  static ReportResource resource(JsonObject o, String key) {
    JsonObject r = object(o, key);
    return new ReportResource(text(r, "provider").toLowerCase(Locale.ROOT), textOr(r, "kind"), text(r, "id"),
        textOr(r, "name"), textOr(r, "account"), textOr(r, "region"), textOr(r, "origin"));
  }
}
