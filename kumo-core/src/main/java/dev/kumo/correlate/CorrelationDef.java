package dev.kumo.correlate;

import dev.kumo.attack.AttackInfo;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.CorrelationRule;
import java.io.Serializable;
import java.util.List;

/**
 * A correlation rule ready to run.
 *
 * @param index position in the plan
 * @param emitsFindings false when a parent correlation consumes it without {@code generate}
 * @param dryRun the rule is {@code experimental}: evaluated and counted, but its findings not reported
 * @param parents how this correlation's own hits feed correlations that reference it
 */
public record CorrelationDef(int index, CorrelationRule rule, AttackInfo attack, List<String> threats,
    boolean emitsFindings, boolean dryRun, List<CorrelationFeed> parents, FindingRule findingRule) implements Serializable {
  public CorrelationDef {
    threats = List.copyOf(threats);
    parents = List.copyOf(parents);
  }

  /** Names of the group-by fields, as written in the rule. */
  public List<String> groupNames() {
    return rule.groupBy();
  }
}
