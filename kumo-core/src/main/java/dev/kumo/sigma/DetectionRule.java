package dev.kumo.sigma;

import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.yaml.YMap;

/**
 * A Sigma detection rule.
 *
 * @param detection the rule's detection section, kept to compile it again per log source
 * @param condition the detection compiled with Sigma field names as they are (no mapping)
 */
public record DetectionRule(RuleMeta meta, RuleLogsource logsource, YMap detection, Condition condition)
    implements SigmaRule {
  @Override
  public DetectionRule withMeta(RuleMeta m) {
    return new DetectionRule(m, logsource, detection, condition);
  }
}
