package dev.kumo.detector;

import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.Reader;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Setting values per detector, as text, from the {@code detectors:} section of a settings file:
 *
 * <pre>
 * detectors:
 *   kumo_behavior_baseline:
 *     learning: 14d
 *   kumo_aws_ssm_fanout:
 *     enabled: false
 * </pre>
 *
 * Immutable. {@link #validate} rejects unknown detectors and settings, so typos never pass silently.
 */
public final class DetectorConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The setting every detector has: {@code enabled: false} turns it off. */
  public static final String ENABLED = "enabled";
  public static final DetectorConfig DEFAULTS = new DetectorConfig(Map.of(), "defaults");

  private final Map<String, Map<String, String>> values;
  private final String sourceName;

  public DetectorConfig(Map<String, Map<String, String>> values, String sourceName) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    this.values = Map.copyOf(copy);
    this.sourceName = sourceName;
  }

  /**
   * Reads the {@code detectors:} map of a YAML settings file (other top-level keys are left to
   * their own readers).
   *
   * @throws IllegalArgumentException naming the file and line when the section is malformed
   */
  public static DetectorConfig read(Reader in, String sourceName) {
    List<YamlReader.Document> docs = new YamlReader().readAll(in);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (YamlReader.Document d : docs) {
      if (d.error() != null) {
        throw new IllegalArgumentException(sourceName + ":" + d.line() + ": " + d.error());
      }
      if (!(d.root() instanceof YMap root)) {
        continue;
      }
      YNode section = root.get("detectors");
      if (section == null) {
        continue;
      }
      if (!(section instanceof YMap detectors)) {
        throw new IllegalArgumentException(sourceName + ":" + section.line() + ": 'detectors' must be a map");
      }
      for (String id : detectors.entries().keySet()) {
        YNode node = detectors.get(id);
        if (!(node instanceof YMap settings)) {
          throw new IllegalArgumentException(sourceName + ":" + node.line() + ": detector '" + id
              + "' must map setting names to values");
        }
        Map<String, String> s = new LinkedHashMap<>();
        for (String name : settings.entries().keySet()) {
          YNode v = settings.get(name);
          if (v instanceof YScalar scalar) {
            s.put(name, scalar.text());
          } else if (v instanceof YList list) {
            s.put(name, String.join(",", list.items().stream().map(i -> i instanceof YScalar x ? x.text() : "")
                .toList()));
          } else {
            throw new IllegalArgumentException(sourceName + ":" + v.line() + ": setting '" + name + "' of '" + id
                + "' must be a value or a list");
          }
        }
        out.put(id, s);
      }
    }
    return new DetectorConfig(out, sourceName);
  }

  /** The text value of a setting, or null when not set. */
  public @Nullable String value(String detectorId, String setting) {
    Map<String, String> m = values.get(detectorId);
    return m == null ? null : m.get(setting);
  }

  /** Whether the detector is enabled (the default). */
  public boolean enabled(String detectorId) {
    String v = value(detectorId, ENABLED);
    if (v == null) {
      return true;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("detector " + detectorId + ": setting 'enabled' must be true or false");
  }

  /**
   * Checks that every configured detector and setting exists.
   *
   * @param known detector id to its setting names
   * @throws IllegalArgumentException naming the first unknown detector or setting
   */
  public void validate(Map<String, Set<String>> known) {
    for (Map.Entry<String, Map<String, String>> e : values.entrySet()) {
      Set<String> names = known.get(e.getKey());
      if (names == null) {
        throw new IllegalArgumentException(sourceName + ": unknown detector '" + e.getKey() + "' (see kumo rules list)");
      }
      for (String s : e.getValue().keySet()) {
        if (!s.equals(ENABLED) && !names.contains(s)) {
          throw new IllegalArgumentException(sourceName + ": detector '" + e.getKey() + "' has no setting '" + s
              + "' (it has: " + String.join(", ", new java.util.TreeSet<>(names)) + ")");
        }
      }
    }
  }
}
