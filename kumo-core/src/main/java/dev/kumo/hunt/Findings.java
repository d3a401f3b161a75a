package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.detect.CompiledRule;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.Reasons;
import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds findings, with their reasons and evidence, from rule matches and correlation hits. */
public final class Findings {
  private Findings() {}

  /** A finding for a rule that matched one event; the reason quotes the rule's {@code fields}. */
  public static Finding of(CompiledRule rule, NormalizedEvent event) {
    return of(rule, event, EventSummary.of(event));
  }

  /** As {@link #of(CompiledRule, NormalizedEvent)}, with the event's summary already made (one per event). */
  public static Finding of(CompiledRule rule, NormalizedEvent event, EventSummary summary) {
    Map<String, String> quoted = new LinkedHashMap<>();
    for (FieldPath p : rule.shownFields()) {
      String v = text(p, event.raw());
      if (v != null) {
        quoted.put(p.name(), v);
      }
    }
    return new Finding(rule.findingRule(), summary, null, Reasons.event(summary, quoted), List.of(event.id()));
  }

  /** A finding for a correlation hit; its evidence is the contributing events. */
  public static Finding of(CorrelationDef def, CorrelationHit hit) {
    Map<String, String> group = new LinkedHashMap<>();
    List<String> names = def.groupNames();
    for (int i = 0; i < names.size(); i++) {
      String v = hit.groupValues().get(i);
      group.put(names.get(i), CorrelationInput.MISSING.equals(v) ? null : v);
    }
    CorrelationInfo info = new CorrelationInfo(def.rule().type().id(), group, hit.eventIds(), hit.eventCount(),
        hit.value(), hit.first());
    return new Finding(def.findingRule(), hit.last(), info, Reasons.correlation(info, hit.last()), hit.eventIds());
  }

  /** All leaf values of a path as text, joined with {@code ", "}; null when absent. */
  private static String text(FieldPath p, JsonObject raw) {
    StringBuilder sb = new StringBuilder();
    p.forEachLeaf(raw, v -> {
      if (sb.length() <= Reasons.MAX_VALUE) {
        if (!sb.isEmpty()) {
          sb.append(", ");
        }
        sb.append(v instanceof JsonObject o ? o.toJson() : JsonText.scalarText(v));
      }
    });
    return sb.isEmpty() ? null : sb.toString();
  }
}
