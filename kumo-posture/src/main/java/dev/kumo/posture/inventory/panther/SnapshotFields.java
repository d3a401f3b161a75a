package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.policy.PolicyDocument;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of Panther snapshot fields for the identity, logging and key mappers. A field that is missing
 * or JSON null reads as null; a field of the wrong type is refused naming it.
 */
final class SnapshotFields {
  /** The year Panther writes for "never" / "not applicable" in credential-report dates. */
  private static final int NEVER_YEAR = 1;

  private SnapshotFields() {}

  static @Nullable Object value(JsonObject o, String field) {
    Object v = o.get(field);
    return v == null || v == JsonNull.INSTANCE ? null : v;
  }

  static @Nullable String string(JsonObject o, String field) {
    Object v = value(o, field);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return (String) v;
  }

  static @Nullable Boolean bool(JsonObject o, String field) {
    Object v = value(o, field);
    if (v != null && !(v instanceof Boolean)) {
      throw new IllegalArgumentException(field + " is not true or false");
    }
    return (Boolean) v;
  }

  static @Nullable Long number(JsonObject o, String field) {
    Object v = value(o, field);
    if (v != null && !(v instanceof Long)) {
      throw new IllegalArgumentException(field + " is not a whole number");
    }
    return (Long) v;
  }

  static @Nullable JsonObject object(JsonObject o, String field) {
    Object v = value(o, field);
    if (v != null && !(v instanceof JsonObject)) {
      throw new IllegalArgumentException(field + " is not an object");
    }
    return (JsonObject) v;
  }

  /** An array field; null when missing or JSON null. */
  static @Nullable JsonArray array(JsonObject o, String field) {
    Object v = value(o, field);
    if (v != null && !(v instanceof JsonArray)) {
      throw new IllegalArgumentException(field + " is not an array");
    }
    return (JsonArray) v;
  }

  /** An array of strings; JSON null or missing reads as null. */
  static @Nullable List<String> strings(JsonObject o, String field) {
    JsonArray a = array(o, field);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object e : a) {
      if (!(e instanceof String s)) {
        throw new IllegalArgumentException(field + " holds a non-string");
      }
      out.add(s);
    }
    return out;
  }

  /** The objects of an array field, an error naming the field for any other element. */
  static List<JsonObject> objects(@Nullable JsonArray a, String field) {
    List<JsonObject> out = new ArrayList<>();
    if (a != null) {
      for (Object e : a) {
        if (!(e instanceof JsonObject obj)) {
          throw new IllegalArgumentException(field + " holds a non-object");
        }
        out.add(obj);
      }
    }
    return out;
  }

  /**
   * A timestamp; null when missing, JSON null, {@code N/A}, or Panther's "never" date
   * {@code 0001-01-01T00:00:00Z}.
   */
  static @Nullable Instant time(JsonObject o, String field) {
    String s = string(o, field);
    if (s == null || s.isBlank() || s.equalsIgnoreCase("N/A") || s.equalsIgnoreCase("no_information")) {
      return null;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s.trim());
      return t.getYear() <= NEVER_YEAR ? null : t.toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a timestamp: " + s);
    }
  }

  /** True when the field holds Panther's "never" date (or {@code N/A}): the event never happened. */
  static boolean never(JsonObject o, String field) {
    String s = o.get(field) instanceof String v ? v.trim() : null;
    return s != null && (s.startsWith("0001-01-01") || s.equalsIgnoreCase("N/A"));
  }

  /** The account id: {@code AccountId}, else the fifth field of {@code arn}; "" when neither says. */
  static String account(JsonObject o, @Nullable String arn) {
    String a = string(o, "AccountId");
    if (a != null && !a.isBlank()) {
      return a;
    }
    return arnPart(arn, 4);
  }

  /** The region: {@code Region} unless {@code global}, else the fourth field of {@code arn}; "" for global. */
  static String region(JsonObject o, @Nullable String arn) {
    String r = string(o, "Region");
    if (r != null && !r.isBlank()) {
      return r.equals("global") ? "" : r;
    }
    return arnPart(arn, 3);
  }

  static String arnPart(@Nullable String arn, int index) {
    if (arn == null || !arn.startsWith("arn:")) {
      return "";
    }
    String[] parts = arn.split(":", 6);
    return parts.length > index ? parts[index] : "";
  }

  /** The text after the last {@code /} of an ARN (or the whole text). */
  static String lastPart(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** A policy held as an object or as (possibly URL-encoded) JSON text; null when unparsable. */
  static @Nullable PolicyDocument policyOrNull(@Nullable Object v) {
    if (v == null || v == JsonNull.INSTANCE) {
      return null;
    }
    try {
      return PolicyDocument.fromTree(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Panther's {@code ACCOUNT:REGION:Type} resource ids (as listed by the {@code *.Meta} snapshots) → regions.
   */
  static List<String> regionsOf(@Nullable List<String> ids) {
    List<String> out = new ArrayList<>();
    if (ids != null) {
      for (String id : ids) {
        String[] p = id.split(":");
        if (p.length >= 3 && !p[1].isBlank()) {
          out.add(p[1]);
        }
      }
    }
    return out.stream().distinct().sorted().toList();
  }
}
