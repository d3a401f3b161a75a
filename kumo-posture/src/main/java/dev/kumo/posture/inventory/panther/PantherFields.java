package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reading helpers shared by the Panther mappers.
 *
 * <p>A Panther snapshot is a full description of the resource: a field present with {@code null} means the
 * describe call returned nothing (the provider's default applies, e.g. no versioning), while a field missing
 * from the snapshot means it was not collected, and the fact stays absent.
 */
final class PantherFields {
  private PantherFields() {}

  /** True when the snapshot has the key, whatever its value (null included). */
  static boolean present(JsonObject o, String key) {
    return o.has(key);
  }

  /** True when the key is present with a JSON null. */
  static boolean isNull(JsonObject o, String key) {
    return o.has(key) && (o.get(key) == null || o.get(key) == JsonNull.INSTANCE);
  }

  static @Nullable Object value(JsonObject o, String key) {
    Object v = o.get(key);
    return v == JsonNull.INSTANCE ? null : v;
  }

  static @Nullable String string(JsonObject o, String key) {
    return value(o, key) instanceof String s ? s : null;
  }

  /**
   * A boolean field; null when absent or null.
   *
   * @throws IllegalArgumentException when it is neither a boolean nor null
   */
  static @Nullable Boolean bool(JsonObject o, String key) {
    Object v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(key + " is not a boolean: " + v);
  }

  /**
   * A whole-number field; null when absent or null.
   *
   * @throws IllegalArgumentException when it is not a whole number
   */
  static @Nullable Long number(JsonObject o, String key) {
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
    Object v = value(o, key);
    if (v == null || v instanceof JsonObject) {
      return (JsonObject) v;
    }
    throw new IllegalArgumentException(key + " is not an object");
  }

  /** The objects of an array field; empty when absent or null; other elements are refused. */
  static List<JsonObject> objects(JsonObject o, String key) {
    Object v = value(o, key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw new IllegalArgumentException(key + " is not an array");
    }
    List<JsonObject> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonObject e)) {
        throw new IllegalArgumentException(key + "[" + i + "] is not an object");
      }
      out.add(e);
    }
    return out;
  }

  /** A string or array of strings as a list; empty when absent or null. */
  static List<String> strings(JsonObject o, String key) {
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
   * A policy held as JSON text or an object; null when absent or null.
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

  /** The first non-blank string among the keys, or null. */
  static @Nullable String first(JsonObject o, String... keys) {
    for (String k : keys) {
      String s = string(o, k);
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }

  /** The snapshot's own ARN: {@code ARN}, {@code Arn}, {@code ResourceId} or {@code ResourceID}. */
  static @Nullable String arn(JsonObject o) {
    return first(o, "ARN", "Arn", "ResourceId", "ResourceID");
  }

  /** Account id: {@code AccountId}, {@code OwnerId}, or the ARN's account field; "" when unknown. */
  static String account(JsonObject o, @Nullable String arn) {
    String a = first(o, "AccountId", "OwnerId");
    if (a != null) {
      return a;
    }
    return arnPart(arn, 4);
  }

  /** Region: {@code Region}, or the ARN's region field; "" when unknown. */
  static String region(JsonObject o, @Nullable String arn) {
    String r = first(o, "Region");
    return r != null ? r : arnPart(arn, 3);
  }

  private static String arnPart(@Nullable String arn, int index) {
    if (arn == null || !arn.startsWith("arn:")) {
      return "";
    }
    String[] parts = arn.split(":", 6);
    return parts.length > index ? parts[index] : "";
  }

  /**
   * The resource, with id = the snapshot's ARN, else {@code fallbackId}.
   *
   * @throws IllegalArgumentException when neither gives an id
   */
  static Resource resource(String kind, JsonObject o, @Nullable String fallbackId, @Nullable String name,
      Facts facts, String origin) {
    String arn = arn(o);
    String id = arn != null ? arn : fallbackId;
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("snapshot has no ARN, ResourceId or identifier");
    }
    return new Resource(Provider.AWS, kind, id, name == null || name.isBlank() ? id : name, account(o, id),
        region(o, id), facts, origin);
  }
}
