package dev.kumo.detect;

import dev.kumo.attack.AttackInfo;
import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.finding.FindingRule;
import dev.kumo.json.FieldPath;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.condition.Condition;
import java.io.Serializable;
import java.util.List;

/**
 * A detection rule compiled for one log source (fields mapped, filters applied).
 *
 * @param index position in the engine's rule list
 * @param threats Kumo threat categories from {@code kumo.threat.*} tags
 * @param emitsFindings false when the rule only feeds correlations (no {@code generate})
 * @param dryRun the rule is {@code experimental}: evaluated and counted, but its findings not reported
 * @param feeds the correlations its matches count towards
 * @param findingRule what its findings say about it (shared by all of them)
 * @param shownFields the rule's {@code fields}, mapped to record paths: quoted in each finding's reason
 */
public record CompiledRule(int index, RuleMeta meta, String sourceId, Condition condition, AttackInfo attack,
    List<String> threats, boolean emitsFindings, boolean dryRun, List<CorrelationFeed> feeds, FindingRule findingRule,
    List<FieldPath> shownFields) implements Serializable {
  public CompiledRule {
    threats = List.copyOf(threats);
    feeds = List.copyOf(feeds);
    shownFields = List.copyOf(shownFields);
  }

  public CompiledRule withFeeds(List<CorrelationFeed> newFeeds) {
    return new CompiledRule(index, meta, sourceId, condition, attack, threats, emitsFindings, dryRun, newFeeds,
        findingRule,
        shownFields);
  }
}
