package dev.kumo.finding;

import java.util.Comparator;

/**
 * The one order findings are written in: by event time, then level (highest first), rule title, rule
 * id and event id. Total, so output is identical across runs and thread counts.
 */
public final class FindingOrder {
  public static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::time)
      .thenComparing(Finding::level, Comparator.reverseOrder())
      .thenComparing(Finding::ruleTitle)
      .thenComparing(Finding::ruleId)
      .thenComparing(f -> f.event().id())
      .thenComparing(f -> f.correlation() == null ? "" : String.join("\u0000", f.correlation().group().values()));

  private FindingOrder() {}
}
