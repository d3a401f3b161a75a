package dev.kumo.hunt;

import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of findings by level, rule, principal, access key and source IP. Not thread-safe; merge. */
public final class FindingStats {
  private static final int TOP_CAPACITY = 10_000;

  private final Map<Level, Long> byLevel = new EnumMap<>(Level.class);
  private final Map<String, RuleCount> byRule = new HashMap<>();
  private final TopCounter principals = new TopCounter(TOP_CAPACITY);
  private final TopCounter accessKeys = new TopCounter(TOP_CAPACITY);
  private final TopCounter sourceIps = new TopCounter(TOP_CAPACITY);
  private long total;
  private long belowMinLevel;

  public void add(Finding f) {
    total++;
    byLevel.merge(f.level(), 1L, Long::sum);
    byRule.merge(f.ruleId(), new RuleCount(f.ruleId(), f.ruleTitle(), f.level(), f.author(), f.ruleSource(), 1),
        (a, b) -> new RuleCount(a.ruleId(), a.title(), a.level(), a.author(), a.source(), a.count() + b.count()));
    if (f.event().principal() != null) {
      principals.add(f.event().principal(), 1);
    }
    if (f.event().accessKeyId() != null) {
      accessKeys.add(f.event().accessKeyId(), 1);
    }
    if (f.event().sourceIp() != null) {
      sourceIps.add(f.event().sourceIp(), 1);
    }
  }

  public void belowMinLevel() {
    belowMinLevel++;
  }

  public void merge(FindingStats o) {
    total += o.total;
    belowMinLevel += o.belowMinLevel;
    o.byLevel.forEach((k, v) -> byLevel.merge(k, v, Long::sum));
    o.byRule.forEach((k, v) -> byRule.merge(k, v,
        (a, b) -> new RuleCount(a.ruleId(), a.title(), a.level(), a.author(), a.source(), a.count() + b.count())));
    principals.merge(o.principals);
    accessKeys.merge(o.accessKeys);
    sourceIps.merge(o.sourceIps);
  }

  public long total() {
    return total;
  }

  public long belowMinLevelCount() {
    return belowMinLevel;
  }

  public Map<Level, Long> byLevel() {
    return new EnumMap<>(byLevel);
  }

  /** Rules by finding count (highest first), then level, then title. */
  public List<RuleCount> rules() {
    return byRule.values().stream().sorted(Comparator.comparingLong(RuleCount::count).reversed()
        .thenComparing(RuleCount::level, Comparator.reverseOrder()).thenComparing(RuleCount::title)
        .thenComparing(RuleCount::ruleId)).toList();
  }

  public TopCounter principals() {
    return principals;
  }

  public TopCounter accessKeys() {
    return accessKeys;
  }

  public TopCounter sourceIps() {
    return sourceIps;
  }
}
