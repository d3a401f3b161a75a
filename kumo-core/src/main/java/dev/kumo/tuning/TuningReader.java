package dev.kumo.tuning;

import dev.kumo.sigma.Level;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code tuning:} list of a YAML file:
 *
 * <pre>
 * tuning:
 *   - rule: 905d389b-b853-46d0-9d3d-dea0d3a3cd49   # id or name
 *     title: AWS STS AssumeRole Misuse                # for people; not checked
 *     action: disable | experimental | level
 *     level: informational                          # with action: level
 *     reason: matches every call made with assumed-role credentials
 * </pre>
 */
final class TuningReader {
  private static final Set<String> KEYS = Set.of("rule", "title", "action", "level", "reason");

  private TuningReader() {}

  static TuningProfile read(Reader in, String file) {
    List<TuningEntry> entries = new ArrayList<>();
    for (YamlReader.Document d : new YamlReader().readAll(in)) {
      if (d.error() != null) {
        throw new IllegalArgumentException(file + ":" + d.line() + ": " + d.error());
      }
      if (!(d.root() instanceof YMap root) || root.get("tuning") == null) {
        continue;
      }
      if (!(root.get("tuning") instanceof YList list)) {
        throw new IllegalArgumentException(file + ":" + root.lineOf("tuning") + ": 'tuning' must be a list of entries");
      }
      for (YNode item : list.items()) {
        entries.add(entry(item, file));
      }
    }
    return new TuningProfile(entries);
  }

  private static TuningEntry entry(YNode node, String file) {
    if (!(node instanceof YMap m)) {
      throw new IllegalArgumentException(file + ":" + node.line() + ": a tuning entry must be a map");
    }
    for (String k : m.entries().keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(file + ":" + m.lineOf(k) + ": unknown key '" + k + "'");
      }
    }
    String rule = text(m, "rule", file);
    String reason = text(m, "reason", file);
    String actionText = text(m, "action", file).toLowerCase(Locale.ROOT);
    TuningEntry.Action action = switch (actionText) {
      case "disable" -> TuningEntry.Action.DISABLE;
      case "experimental" -> TuningEntry.Action.EXPERIMENTAL;
      case "level" -> TuningEntry.Action.LEVEL;
      default -> throw new IllegalArgumentException(file + ":" + m.lineOf("action")
          + ": action must be disable, experimental or level, not '" + actionText + "'");
    };
    Level level = null;
    if (action == TuningEntry.Action.LEVEL) {
      level = Level.parse(text(m, "level", file));
      if (level == null) {
        throw new IllegalArgumentException(file + ":" + m.lineOf("level")
            + ": level must be informational, low, medium, high or critical");
      }
    }
    return new TuningEntry(rule, action, level, reason, file, m.line());
  }

  private static String text(YMap m, String key, String file) {
    YNode v = m.get(key);
    if (!(v instanceof YScalar s) || s.text().isBlank()) {
      throw new IllegalArgumentException(file + ":" + m.line() + ": every tuning entry needs '" + key + "'");
    }
    return s.text().trim();
  }
}
