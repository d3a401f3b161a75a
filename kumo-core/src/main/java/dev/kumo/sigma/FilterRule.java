package dev.kumo.sigma;

import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.yaml.YMap;
import java.util.List;

/**
 * A Sigma filter (meta-filter): its condition is ANDed as NOT into every rule it names.
 *
 * @param rules ids or names of the rules it applies to
 * @param filter the {@code filter} section (searches plus condition), kept to compile per source
 */
public record FilterRule(RuleMeta meta, RuleLogsource logsource, List<String> rules, YMap filter,
    Condition condition) implements SigmaRule {
  public FilterRule {
    rules = List.copyOf(rules);
  }

  @Override
  public FilterRule withMeta(RuleMeta m) {
    return new FilterRule(m, logsource, rules, filter, condition);
  }
}
