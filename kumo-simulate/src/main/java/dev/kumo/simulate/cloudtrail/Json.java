package dev.kumo.simulate.cloudtrail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A small notation for event bodies: {@code obj("groupId", id, "ipPermissions", items(obj(...)))}.
 * Values may be strings, numbers, booleans, {@link Body}s, lists of values, or null.
 */
public final class Json {
  /** {@code {}}, as CloudTrail writes empty request sets. */
  public static final Body EMPTY = g -> {
    g.writeStartObject();
    g.writeEndObject();
  };

  private Json() {}

  /** An object of alternating keys and values. */
  public static Body obj(@Nullable Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    return g -> {
      g.writeStartObject();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        g.writeFieldName((String) keysAndValues[i]);
        value(g, keysAndValues[i + 1]);
      }
      g.writeEndObject();
    };
  }

  /** An array of values. */
  public static Body array(@Nullable Object... values) {
    return g -> {
      g.writeStartArray();
      for (Object v : values) {
        value(g, v);
      }
      g.writeEndArray();
    };
  }

  /** EC2's list shape: {@code {"items": [values]}}. */
  public static Body items(@Nullable Object... values) {
    Body array = array(values);
    return g -> {
      g.writeStartObject();
      g.writeFieldName("items");
      array.write(g);
      g.writeEndObject();
    };
  }

  /** Writes a string, number, boolean, null, {@link Body} or list of them. */
  public static void value(com.fasterxml.jackson.core.JsonGenerator g, @Nullable Object v) throws java.io.IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Double n) {
      g.writeNumber(n);
    } else if (v instanceof java.math.BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Body b) {
      b.write(g);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }
}
