package dev.kumo.sigma.yaml;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A YAML mapping with string keys in document order; {@code keyLines} gives each key's line. */
public record YMap(Map<String, YNode> entries, Map<String, Integer> keyLines, int line) implements YNode {
  public YMap {
    entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    keyLines = Map.copyOf(keyLines);
  }

  public @Nullable YNode get(String key) {
    return entries.get(key);
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The line of {@code key}, or this map's line if absent. */
  public int lineOf(String key) {
    return keyLines.getOrDefault(key, line);
  }

  /** The string value of a scalar entry, or null when absent or YAML null. */
  public @Nullable String string(String key) {
    return entries.get(key) instanceof YScalar s && s.value() != null ? s.text() : null;
  }

  /** The entry as a list of strings: a scalar becomes a one-element list; absent gives an empty list. */
  public List<String> strings(String key) {
    YNode n = entries.get(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof YScalar s) {
      return s.value() == null ? List.of() : List.of(s.text());
    }
    if (n instanceof YList l) {
      return l.items().stream()
          .filter(i -> i instanceof YScalar s && s.value() != null)
          .map(i -> ((YScalar) i).text())
          .toList();
    }
    return List.of();
  }
}
