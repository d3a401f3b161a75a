package dev.kumo.json;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/** An immutable JSON array. Thread-safe. */
public final class JsonArray extends AbstractList<Object> implements RandomAccess, Serializable {
  private static final long serialVersionUID = 1L;

  /** The empty array. */
  public static final JsonArray EMPTY = new JsonArray(new Object[0], 0);

  private final Object[] items;
  private final int size;
  private transient volatile @Nullable String json;

  JsonArray(Object[] items, int size) {
    this.items = items;
    this.size = size;
  }

  /** Builds an array from values; for tests and small fixtures. */
  public static JsonArray of(Object... values) {
    return new JsonArray(values.clone(), values.length);
  }

  @Override
  public Object get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return items[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** Compact JSON text of this array, computed once. */
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
    if (!(o instanceof JsonArray other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!items[i].equals(other.items[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(Arrays.copyOf(items, size));
  }

  @Override
  public String toString() {
    return toJson();
  }
}
