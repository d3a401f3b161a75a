package dev.kumo.intel.stix;

import dev.kumo.intel.Indicator;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Turns one STIX {@code indicator} object into Kumo indicators and problems. */
final class StixIndicators {
  private StixIndicators() {}

  /**
   * Adds the indicators {@code o} gives to {@code out}, and reports each unusable part.
   *
   * @param where the object's id (or position), used for problems
   * @param problem receives (where, reason)
   */
  static void read(JsonObject o, String where, String feed, List<Indicator> out,
      BiConsumer<String, String> problem) {
    String patternType = o.getString("pattern_type");
    if (patternType != null && !patternType.equals("stix")) {
      problem.accept(where, "pattern_type '" + patternType + "' is not supported (only stix)");
      return;
    }
    if (!(o.get("pattern") instanceof String pattern)) {
      problem.accept(where, "indicator without a pattern");
      return;
    }
    StixPattern parsed;
    try {
      parsed = StixPattern.parse(pattern);
    } catch (IllegalArgumentException e) {
      problem.accept(where, e.getMessage());
      return;
    }
    List<StixObjectPaths.Typed> values = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    for (StixPattern.Comparison c : parsed.comparisons()) {
      StixObjectPaths.Mapped m = StixObjectPaths.map(c);
      for (StixObjectPaths.Typed t : m.values()) {
        if (!values.contains(t)) {
          values.add(t);
        }
      }
      unusable.addAll(m.problems());
    }
    if (values.isEmpty()) {
      problem.accept(where, "no usable comparison: " + String.join("; ", unusable));
      return;
    }
    unusable.forEach(r -> problem.accept(where, r));
    if (!parsed.qualifiers().isEmpty()) {
      problem.accept(where, "qualifiers not supported, ignored: " + String.join(", ", parsed.qualifiers()));
    }
    if (parsed.conjunction()) {
      problem.accept(where, "AND/FOLLOWEDBY loosened: the " + values.size()
          + " value(s) are matched as separate values");
    }

    Instant validFrom = time(o, "valid_from", where, problem);
    Instant validUntil = time(o, "valid_until", where, problem);
    Integer confidence = confidence(o, where, problem);
    Set<String> labels = new LinkedHashSet<>(strings(o, "labels"));
    labels.addAll(strings(o, "indicator_types"));
    List<String> killChain = new ArrayList<>();
    if (o.get("kill_chain_phases") instanceof JsonArray phases) {
      for (Object p : phases) {
        if (p instanceof JsonObject phase && phase.get("kill_chain_name") instanceof String chain
            && phase.get("phase_name") instanceof String name) {
          killChain.add(chain + ":" + name);
        } else {
          problem.accept(where, "kill_chain_phases entry without kill_chain_name and phase_name; ignored");
        }
      }
    }
    List<String> context = strings(o, "x_kumo_context");
    String name = o.getString("name");
    String text = o.getString("description");
    String description = name == null ? text : text == null ? name : name + ": " + text;
    String id = o.getString("id");
    for (StixObjectPaths.Typed t : values) {
      out.add(new Indicator(t.type(), t.value(), feed, id, confidence, validFrom, validUntil,
          List.copyOf(labels), killChain, context, description));
    }
  }

  private static @Nullable Instant time(JsonObject o, String key, String where, BiConsumer<String, String> problem) {
    Object v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problem.accept(where, key + " is not an RFC 3339 timestamp: " + v + "; ignored");
    return null;
  }

  private static @Nullable Integer confidence(JsonObject o, String where, BiConsumer<String, String> problem) {
    Object v = o.get("confidence");
    if (v == null) {
      return null;
    }
    if (v instanceof Long n && n >= 0 && n <= 100) {
      return n.intValue();
    }
    problem.accept(where, "confidence is not an integer 0-100: " + v + "; ignored");
    return null;
  }

  private static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    if (o.get(key) instanceof JsonArray a) {
      for (Object v : a) {
        if (v instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
