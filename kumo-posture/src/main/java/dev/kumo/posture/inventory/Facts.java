package dev.kumo.posture.inventory;

import dev.kumo.posture.policy.PolicyDocument;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The normalised facts of one resource: name → value, where a value is a {@link Boolean}, {@link Long},
 * {@link String}, {@link Instant}, {@link PolicyDocument} or a list of {@link String}, {@link NetworkRule},
 * {@link AccessKey} or {@link PolicyDocument}. Names and meanings are listed in {@code docs/posture-facts.md}.
 *
 * <p>A fact the export did not carry is absent: getters return null and checks report "unknown" rather than
 * guess. Immutable; iteration is in name order.
 */
public final class Facts {
  /** No facts at all. */
  public static final Facts EMPTY = new Facts(new TreeMap<>());

  private final Map<String, Object> values;

  private Facts(TreeMap<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when the fact is present. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Fact names, sorted. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The raw value, or null when absent. */
  public @Nullable Object get(String name) {
    return values.get(name);
  }

  public @Nullable Boolean bool(String name) {
    return values.get(name) instanceof Boolean b ? b : null;
  }

  public @Nullable Long number(String name) {
    return values.get(name) instanceof Long l ? l : null;
  }

  public @Nullable String string(String name) {
    return values.get(name) instanceof String s ? s : null;
  }

  public @Nullable Instant time(String name) {
    return values.get(name) instanceof Instant t ? t : null;
  }

  public @Nullable PolicyDocument policy(String name) {
    return values.get(name) instanceof PolicyDocument p ? p : null;
  }

  /** A list fact, or null when absent; elements of another type are left out. */
  public <T> @Nullable List<T> list(String name, Class<T> type) {
    if (!(values.get(name) instanceof List<?> l)) {
      return null;
    }
    return l.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** A list of strings, or null when absent. */
  public @Nullable List<String> strings(String name) {
    return list(name, String.class);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Facts f && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects facts; a null value leaves the fact absent, an int becomes a long. */
  public static final class Builder {
    private final TreeMap<String, Object> values = new TreeMap<>();

    private Builder() {}

    /**
     * Sets a fact.
     *
     * @throws IllegalArgumentException for a value of a type facts do not hold
     */
    public Builder put(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      Object v = value instanceof Integer i ? Long.valueOf(i) : value;
      if (v instanceof List<?> l) {
        v = List.copyOf(l);
      } else if (!(v instanceof Boolean || v instanceof Long || v instanceof String || v instanceof Instant
          || v instanceof PolicyDocument)) {
        throw new IllegalArgumentException("fact " + name + ": unsupported value type " + v.getClass().getName());
      }
      values.put(name, v);
      return this;
    }

    /** Copies every fact of {@code other}, overwriting. */
    public Builder putAll(Facts other) {
      values.putAll(other.values);
      return this;
    }

    /** True when the fact is already set. */
    public boolean has(String name) {
      return values.containsKey(name);
    }

    public Facts build() {
      return values.isEmpty() ? EMPTY : new Facts(new TreeMap<>(values));
    }
  }
}
