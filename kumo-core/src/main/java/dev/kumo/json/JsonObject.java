package dev.kumo.json;

import java.io.Serializable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object that keeps its members in document order.
 *
 * <p>Lookups compare cached hash codes first, which is faster than a hash map for the small objects
 * that make up log records. Duplicate keys keep the first occurrence for lookups. Thread-safe.
 */
public final class JsonObject implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String[] NO_KEYS = new String[0];
  private static final Object[] NO_VALUES = new Object[0];

  /** The empty object. */
  public static final JsonObject EMPTY = new JsonObject(NO_KEYS, NO_VALUES, 0);

  private final String[] keys;
  private final Object[] values;
  private final int[] hashes;
  private final int size;
  private transient volatile @Nullable String json;

  JsonObject(String[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.hashes = new int[size];
    for (int i = 0; i < size; i++) {
      hashes[i] = keys[i].hashCode();
    }
  }

  /** Builds an object from alternating keys and values; for tests and small fixtures. */
  public static JsonObject of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate, got " + keysAndValues.length);
    }
    int n = keysAndValues.length / 2;
    String[] k = new String[n];
    Object[] v = new Object[n];
    for (int i = 0; i < n; i++) {
      k[i] = (String) keysAndValues[2 * i];
      v[i] = keysAndValues[2 * i + 1];
    }
    return new JsonObject(k, v, n);
  }

  /** Builds objects member by member, e.g. for log lines parsed into fields. Not thread-safe. */
  public static final class Builder {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;

    /**
     * Adds a member; {@code value} must be a tree value (String, Long, BigInteger, BigDecimal,
     * Boolean, JsonNull, JsonObject, JsonArray). Null values are skipped.
     */
    public Builder put(String key, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    public JsonObject build() {
      return size == 0 ? EMPTY : new JsonObject(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), size);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Like {@link #get}, but when no key matches exactly, the first key equal ignoring case. */
  public @Nullable Object getIgnoreCase(String key) {
    Object exact = get(key);
    if (exact != null) {
      return exact;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equalsIgnoreCase(key)) {
        return values[i];
      }
    }
    return null;
  }

  /** Returns the value of {@code key}, {@link JsonNull#INSTANCE} for JSON null, or Java null if absent. */
  public @Nullable Object get(String key) {
    int h = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  /** Returns the string value of {@code key}, or null if absent or not a string. */
  public @Nullable String getString(String key) {
    return get(key) instanceof String s ? s : null;
  }

  /** Returns the object value of {@code key}, or null if absent or not an object. */
  public @Nullable JsonObject getObject(String key) {
    return get(key) instanceof JsonObject o ? o : null;
  }

  public boolean has(String key) {
    int h = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return size;
  }

  public String keyAt(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return keys[index];
  }

  public Object valueAt(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  /** Compact JSON text of this object, computed once. */
  public String toJson() {
    String s = json;
    if (s == null) {
      s = JsonText.write(this);
      json = s;
    }
    return s;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JsonObject other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!keys[i].equals(other.keys[i]) || !values[i].equals(other.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(Arrays.copyOf(keys, size)) + Arrays.hashCode(Arrays.copyOf(values, size));
  }

  @Override
  public String toString() {
    return toJson();
  }
}
