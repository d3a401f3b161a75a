package dev.kumo.sigma;

import java.io.Serializable;

/** A loaded Sigma document: a detection rule, a correlation rule or a filter. */
public sealed interface SigmaRule extends Serializable permits DetectionRule, CorrelationRule, FilterRule {
  RuleMeta meta();

  /** The same rule with other metadata (for tuning: level, status). */
  SigmaRule withMeta(RuleMeta meta);
}
