package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.detect.CompiledRule;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds findings from rule matches and correlation hits. */
public final class Findings {
  private Findings() {}

  public static Finding of(CompiledRule rule, NormalizedEvent event) {
    return new Finding(rule.findingRule(), EventSummary.of(event), null);
  }

  public static Finding of(CorrelationDef def, CorrelationHit hit) {
    Map<String, String> group = new LinkedHashMap<>();
    List<String> names = def.groupNames();
    for (int i = 0; i < names.size(); i++) {
      String v = hit.groupValues().get(i);
      group.put(names.get(i), CorrelationInput.MISSING.equals(v) ? null : v);
    }
    CorrelationInfo info = new CorrelationInfo(def.rule().type().id(), group, hit.eventIds(), hit.eventCount(),
        hit.value(), hit.first());
    return new Finding(def.findingRule(), hit.last(), info);
  }
}
