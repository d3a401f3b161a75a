package dev.kumo.exercise.tabletop;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Typed access to a parsed YAML document; every problem is a {@link TabletopException} with file, line and path. */
final class YamlFields {
  /** Largest tabletop or answers file accepted, in code points. */
  static final int MAX_CODE_POINTS = 1024 * 1024;

  private final String file;

  YamlFields(String file) {
    this.file = file;
  }

  /** Parses exactly one YAML document whose root is a map (safe loader: no types, limited aliases and depth). */
  YMap root(Reader in) {
    List<YamlReader.Document> docs = new YamlReader(MAX_CODE_POINTS).readAll(in);
    for (YamlReader.Document d : docs) {
      if (d.error() != null) {
        throw fail(d.line(), "", d.error());
      }
    }
    if (docs.size() != 1) {
      throw fail(0, "", docs.isEmpty() ? "the file is empty" : "expected one YAML document, found " + docs.size());
    }
    if (!(docs.get(0).root() instanceof YMap m)) {
      throw fail(docs.get(0).line(), "", "the document must be a map");
    }
    return m;
  }

  TabletopException fail(int line, String path, String reason) {
    return new TabletopException(file, line, path, reason);
  }

  void onlyKeys(YMap m, String path, Set<String> known) {
    for (String k : m.entries().keySet()) {
      if (!known.contains(k)) {
        throw fail(m.lineOf(k), join(path, k), "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  String required(YMap m, String path, String key) {
    String s = optional(m, path, key);
    if (s == null || s.isBlank()) {
      throw fail(m.lineOf(key), join(path, key), "required, and must not be empty");
    }
    return s.strip();
  }

  @Nullable String optional(YMap m, String path, String key) {
    YNode n = m.get(key);
    if (n == null || n instanceof YScalar s && s.value() == null) {
      return null;
    }
    if (!(n instanceof YScalar s)) {
      throw fail(n.line(), join(path, key), "must be a single value, not a " + n.kind());
    }
    return s.text();
  }

  int integer(YMap m, String path, String key) {
    YNode n = m.get(key);
    if (!(n instanceof YScalar s) || !(s.value() instanceof Long l) || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      throw fail(m.lineOf(key), join(path, key), n == null ? "required" : "must be a whole number");
    }
    return (int) (long) l;
  }

  /** A list of plain values; a single value is a one-element list; absent is empty. */
  List<String> strings(YMap m, String path, String key) {
    YNode n = m.get(key);
    if (n == null || n instanceof YScalar s && s.value() == null) {
      return List.of();
    }
    if (n instanceof YScalar s) {
      return List.of(s.text());
    }
    if (!(n instanceof YList l)) {
      throw fail(n.line(), join(path, key), "must be a value or a list of values");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      if (!(l.items().get(i) instanceof YScalar s) || s.value() == null) {
        throw fail(l.items().get(i).line(), join(path, key) + "[" + i + "]", "must be a plain value");
      }
      out.add(s.text().strip());
    }
    return out;
  }

  /** The entry as a list of maps; absent is empty. */
  List<YMap> maps(YMap m, String path, String key) {
    YNode n = m.get(key);
    if (n == null || n instanceof YScalar s && s.value() == null) {
      return List.of();
    }
    if (!(n instanceof YList l)) {
      throw fail(n.line(), join(path, key), "must be a list");
    }
    List<YMap> out = new ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      if (!(l.items().get(i) instanceof YMap im)) {
        throw fail(l.items().get(i).line(), join(path, key) + "[" + i + "]", "must be a map");
      }
      out.add(im);
    }
    return out;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
