package dev.kumo.json;

import java.io.Serializable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A dotted field name, resolved against a record the way Sigma rules expect.
 *
 * <p>Resolution: if the record has a top-level key equal to the whole dotted name (ECS style,
 * {@code gcp.audit.method_name}) that key is used. Otherwise the name is walked segment by
 * segment; where the walk meets an array, every element is followed ("any member"). A resolved
 * array is flattened: each element is a leaf. Immutable and thread-safe.
 */
public final class FieldPath implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern DOT = Pattern.compile("\\.");

  private final String name;
  private final String[] segments;
  private final boolean ignoreCase;

  private FieldPath(String name, boolean ignoreCase) {
    this.name = name;
    this.ignoreCase = ignoreCase;
    this.segments = name.indexOf('.') < 0 ? new String[] {name} : DOT.split(name, -1);
    for (int i = 0; i < segments.length; i++) {
      segments[i] = segments[i].intern();
    }
  }

  public static FieldPath of(String dottedName) {
    return of(dottedName, false);
  }

  /**
   * @param ignoreCase when a key is not found exactly, also accept one that differs only in case
   *     (for sources whose exports disagree on casing, such as Azure's {@code operationName} and
   *     {@code OperationName})
   */
  public static FieldPath of(String dottedName, boolean ignoreCase) {
    if (dottedName.isEmpty()) {
      throw new IllegalArgumentException("field name must not be empty");
    }
    return new FieldPath(dottedName, ignoreCase);
  }

  public boolean ignoresCase() {
    return ignoreCase;
  }

  private @Nullable Object member(JsonObject o, String key) {
    return ignoreCase ? o.getIgnoreCase(key) : o.get(key);
  }

  public String name() {
    return name;
  }

  /** Whether any leaf value at this path satisfies {@code test}. */
  public boolean anyLeaf(JsonObject root, Predicate<Object> test) {
    if (segments.length > 1) {
      Object flat = member(root, name);
      if (flat != null) {
        return leaf(flat, test);
      }
    }
    return walk(root, 0, test);
  }

  private boolean walk(Object node, int i, Predicate<Object> test) {
    if (node instanceof JsonObject o) {
      Object v = member(o, segments[i]);
      if (v == null) {
        return false;
      }
      return i == segments.length - 1 ? leaf(v, test) : walk(v, i + 1, test);
    }
    if (node instanceof JsonArray a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        if (walk(a.get(k), i, test)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean leaf(Object v, Predicate<Object> test) {
    if (v instanceof JsonArray a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        if (leaf(a.get(k), test)) {
          return true;
        }
      }
      return false;
    }
    return test.test(v);
  }

  /** Returned by {@link #simple} when the path crosses or ends in an array. */
  public static final Object MANY = new Object();

  /**
   * Resolves the path without allocating: the value when the walk meets only objects, null when
   * absent, or {@link #MANY} when an array is involved (then use {@link #forEachLeaf}).
   */
  public @Nullable Object simple(JsonObject root) {
    Object v;
    if (segments.length > 1 && (v = member(root, name)) != null) {
      return v instanceof JsonArray ? MANY : v;
    }
    Object node = root;
    for (String seg : segments) {
      if (node instanceof JsonObject o) {
        node = member(o, seg);
        if (node == null) {
          return null;
        }
      } else if (node instanceof JsonArray) {
        return MANY;
      } else {
        return null;
      }
    }
    return node instanceof JsonArray ? MANY : node;
  }

  /** Whether the path resolves to anything at all, JSON null and empty arrays included. */
  public boolean exists(JsonObject root) {
    if (segments.length > 1 && member(root, name) != null) {
      return true;
    }
    return present(root, 0);
  }

  private boolean present(Object node, int i) {
    if (node instanceof JsonObject o) {
      Object v = member(o, segments[i]);
      if (v == null) {
        return false;
      }
      return i == segments.length - 1 || present(v, i + 1);
    }
    if (node instanceof JsonArray a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        if (present(a.get(k), i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first non-null leaf value, or null when the path is absent or only holds nulls. */
  public @Nullable Object first(JsonObject root) {
    Object[] found = new Object[1];
    anyLeaf(root, v -> {
      if (v == JsonNull.INSTANCE) {
        return false;
      }
      found[0] = v;
      return true;
    });
    return found[0];
  }

  /** The first non-null leaf as text (numbers and booleans in JSON form), or null. */
  public @Nullable String firstText(JsonObject root) {
    Object v = first(root);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return o.toJson();
    }
    return JsonText.scalarText(v);
  }

  /** Calls {@code action} for every leaf value, in document order. */
  public void forEachLeaf(JsonObject root, Consumer<Object> action) {
    anyLeaf(root, v -> {
      action.accept(v);
      return false;
    });
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldPath p && p.name.equals(name) && p.ignoreCase == ignoreCase;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 2 + (ignoreCase ? 1 : 0);
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() {
    return new FieldPath(name, ignoreCase); // re-intern segments after deserialization
  }
}
