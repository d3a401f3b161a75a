package dev.kumo.hunt;

import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;

import dev.kumo.attack.AttackInfo;
import dev.kumo.attack.Tactic;
import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.detect.CompiledRule;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.sigma.RuleMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds findings from rule matches and correlation hits. */
public final class Findings {
  private Findings() {}

  public static Finding of(CompiledRule rule, NormalizedEvent event) {
    RuleMeta m = rule.meta();
    return new Finding(m.effectiveLevel(), m.key(), m.name(), m.title(), m.author(), m.license(),
        m.origin().file(), rule.attack().techniques(), tacticNames(rule.attack()), rule.threats(),
        EventSummary.of(event), null);
  }

  public static Finding of(CorrelationDef def, CorrelationHit hit) {
    RuleMeta m = def.rule().meta();
    Map<String, String> group = new LinkedHashMap<>();
    List<String> names = def.groupNames();
    for (int i = 0; i < names.size(); i++) {
      String v = hit.groupValues().get(i);
      group.put(names.get(i), CorrelationInput.MISSING.equals(v) ? null : v);
    }
    CorrelationInfo info = new CorrelationInfo(def.rule().type().id(), group, hit.eventIds(), hit.eventCount(),
        hit.value(), hit.first());
    return new Finding(m.effectiveLevel(), m.key(), m.name(), m.title(), m.author(), m.license(),
        m.origin().file(), def.attack().techniques(), tacticNames(def.attack()), def.threats(), hit.last(), info);
  }

  private static List<String> tacticNames(AttackInfo a) {
    return a.tactics().stream().map(Tactic::displayName).toList();
  }
}
