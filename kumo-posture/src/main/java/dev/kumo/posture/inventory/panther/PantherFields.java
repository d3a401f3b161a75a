package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of Panther snapshot fields, shared by all Panther mappers. Keys match exactly. A field that is
 * missing or JSON null reads as null (or empty, for lists); a field of the wrong type is refused with an
 * {@link IllegalArgumentException} naming it, unless the method says it is loose.
 *
 * <p>A Panther snapshot is a full description of the resource: a field present with {@code null} means the
 * describe call returned nothing (the provider's default applies, e.g. no versioning), while a field missing
 * from the snapshot means it was not collected, and the fact stays absent ({@link #present}, {@link #isNull}).
 */
final class PantherFields {
  /** The year Panther writes for "never" / "not applicable" in credential-report dates. */
  private static final int NEVER_YEAR = 1;

  private PantherFields() {}

  /** True when the snapshot has the key, whatever its value (null included). */
  static boolean present(JsonObject o, String key) {
    return o.has(key);
  }

  /** True when the key is present with a JSON null. */
  static boolean isNull(JsonObject o, String key) {
    return o.has(key) && value(o, key) == null;
  }

  /** The value of {@code key}; null when missing or JSON null. */
  static @Nullable Object value(JsonObject o, String key) {
    Object v = o.get(key);
    return v == JsonNull.INSTANCE ? null : v;
  }

  /** A string field. */
  static @Nullable String string(JsonObject o, String key) {
    return ExportJson.typed(o, key, String.class, "a string");
  }

  /** Loose: the field when it is a string, else null (a value of another type is ignored, not refused). */
  static @Nullable String looseString(JsonObject o, String key) {
    return value(o, key) instanceof String s ? s : null;
  }

  /** Loose: the first non-blank string among the keys, or null. */
  static @Nullable String first(JsonObject o, String... keys) {
    for (String k : keys) {
      String s = looseString(o, k);
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }

  static @Nullable Boolean bool(JsonObject o, String key) {
    return ExportJson.typed(o, key, Boolean.class, "true or false");
  }

  /** A whole number written as a JSON integer ({@code 5}, not {@code 5.0}). */
  static @Nullable Long number(JsonObject o, String key) {
    return ExportJson.typed(o, key, Long.class, "a whole number");
  }

  /** A whole number, also written with a zero fraction ({@code 5.0}). */
  static @Nullable Long wholeNumber(JsonObject o, String key) {
    Object v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new IllegalArgumentException(key + " is not a whole number: " + v);
  }

  static @Nullable JsonObject object(JsonObject o, String key) {
    return ExportJson.typed(o, key, JsonObject.class, "an object");
  }

  static @Nullable JsonArray array(JsonObject o, String key) {
    return ExportJson.typed(o, key, JsonArray.class, "an array");
  }

  /** The objects of an array field; empty when missing or null; other elements are refused. */
  static List<JsonObject> objects(JsonObject o, String key) {
    return objects(array(o, key), key);
  }

  /** The objects of {@code a} (empty when null), refusing other elements naming {@code field}. */
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

  /** An array of strings; null when missing or JSON null; any other element is refused. */
  static @Nullable List<String> strings(JsonObject o, String key) {
    JsonArray a = array(o, key);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object e : a) {
      if (!(e instanceof String s)) {
        throw new IllegalArgumentException(key + " holds a non-string");
      }
      out.add(s);
    }
    return out;
  }

  /** A string or an array of strings (JSON nulls skipped) as a list; empty when missing or null. */
  static List<String> stringOrStrings(JsonObject o, String key) {
    Object v = value(o, key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof JsonArray a) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof String s) {
          out.add(s);
        } else if (a.get(i) != JsonNull.INSTANCE) {
          throw new IllegalArgumentException(key + "[" + i + "] is not a string");
        }
      }
      return out;
    }
    throw new IllegalArgumentException(key + " is neither a string nor an array of strings");
  }

  /**
   * A timestamp; null when missing, JSON null, {@code N/A}, or Panther's "never" date
   * {@code 0001-01-01T00:00:00Z}.
   */
  static @Nullable Instant time(JsonObject o, String key) {
    String s = string(o, key);
    if (s == null || s.isBlank() || s.equalsIgnoreCase("N/A") || s.equalsIgnoreCase("no_information")) {
      return null;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s.trim());
      return t.getYear() <= NEVER_YEAR ? null : t.toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not a timestamp: " + s);
    }
  }

  /** True when the field holds Panther's "never" date (or {@code N/A}): the event never happened. */
  static boolean never(JsonObject o, String key) {
    String s = o.get(key) instanceof String v ? v.trim() : null;
    return s != null && (s.startsWith("0001-01-01") || s.equalsIgnoreCase("N/A"));
  }

  /**
   * A policy held as JSON text or an object; null when missing or null.
   *
   * @throws IllegalArgumentException naming the field when the policy is malformed
   */
  static @Nullable PolicyDocument policy(JsonObject o, String key) {
    Object v = value(o, key);
    if (v == null) {
      return null;
    }
    try {
      return PolicyDocument.fromTree(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  /** A policy held as an object or as (possibly URL-encoded) JSON text; null when missing or unparsable. */
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

  /** Field {@code index} of an ARN split on {@code :}; "" when {@code arn} is not an ARN or is too short. */
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

  /**
   * The resource, with id = the snapshot's ARN ({@code ARN}, {@code Arn}, {@code ResourceId} or
   * {@code ResourceID}), else {@code fallbackId}; account from {@code AccountId}/{@code OwnerId} and region
   * from {@code Region} (read loosely), else from the id's ARN.
   *
   * @throws IllegalArgumentException when neither gives an id
   */
  static Resource resource(String kind, JsonObject o, @Nullable String fallbackId, @Nullable String name,
      Facts facts, String origin) {
    String arn = first(o, "ARN", "Arn", "ResourceId", "ResourceID");
    String id = arn != null ? arn : fallbackId;
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("snapshot has no ARN, ResourceId or identifier");
    }
    String account = first(o, "AccountId", "OwnerId");
    String region = first(o, "Region");
    return new Resource(Provider.AWS, kind, id, name == null || name.isBlank() ? id : name,
        account != null ? account : arnPart(id, 4), region != null ? region : arnPart(id, 3), facts, origin);
  }
}
