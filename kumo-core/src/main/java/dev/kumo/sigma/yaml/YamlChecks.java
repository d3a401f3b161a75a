package dev.kumo.sigma.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads checked values out of a parsed YAML document, collecting every problem as
 * {@code file:line: reason} instead of stopping at the first, for readers of Kumo's YAML data
 * (scenarios, playbooks). Not thread-safe: one per document.
 */
public final class YamlChecks {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final String file;
  private final List<String> errors = new ArrayList<>();

  public YamlChecks(String file) {
    this.file = file;
  }

  /** Records a problem at {@code line}. */
  public void error(int line, String message) {
    errors.add(file + ":" + line + ": " + message);
  }

  /** The problems so far, in the order found. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Reports every key of {@code m} not in {@code allowed}. */
  public void keys(YMap m, String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (String k : m.entries().keySet()) {
      if (!ok.contains(k)) {
        error(m.lineOf(k), "unknown key '" + k + "' (expected one of " + List.of(allowed) + ")");
      }
    }
  }

  /** A required id (lower-case letters, digits and dashes, at most 64); {@code ?} when missing. */
  public String id(YMap m, String key) {
    String v = text(m, key, true);
    if (v != null && !ID.matcher(v).matches()) {
      error(m.lineOf(key), "'" + key + "' must be lower-case letters, digits and dashes, not '" + v + "'");
    }
    return v == null ? "?" : v;
  }

  /** A scalar's text; null (reported when required) when missing or not a value. */
  public @Nullable String text(YMap m, String key, boolean required) {
    YNode n = m.get(key);
    if (n == null) {
      if (required) {
        error(m.line(), "missing '" + key + "'");
      }
      return null;
    }
    if (!(n instanceof YScalar s) || s.value() == null) {
      error(m.lineOf(key), "'" + key + "' must be a value, not a " + n.kind());
      return null;
    }
    return s.text();
  }

  /** {@code true} or {@code false}; false (reported when required) when missing. */
  public boolean bool(YMap m, String key, boolean required) {
    String v = text(m, key, required);
    if (v == null) {
      return false;
    }
    if (!v.equals("true") && !v.equals("false")) {
      error(m.lineOf(key), "'" + key + "' must be true or false, not '" + v + "'");
    }
    return v.equals("true");
  }
}
