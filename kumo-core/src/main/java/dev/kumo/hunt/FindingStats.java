package dev.kumo.hunt;

import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Counts of findings by level, rule, principal, access key and source IP. Not thread-safe; merge. */
public final class FindingStats {
  private static final int TOP_CAPACITY = 10_000;

  private final long[] byLevel = new long[Level.values().length];
  /** Per rule id: the first finding seen (for title, level, author) and a count. */
  private final Map<String, RuleTally> byRule = new HashMap<>();

  private static final class RuleTally {
    final Finding first;
    long count;

    RuleTally(Finding first) {
      this.first = first;
    }
  }
  private final TopCounter principals = new TopCounter(TOP_CAPACITY);
  private final TopCounter accessKeys = new TopCounter(TOP_CAPACITY);
  private final TopCounter sourceIps = new TopCounter(TOP_CAPACITY);
  private long total;
  private long belowMinLevel;
  /** Findings of dry-run (experimental) rules, per rule: what they would have reported. */
  private final Map<String, RuleTally> dryRun = new HashMap<>();
  /** Suppressed findings per mutelist entry. */
  private final Map<String, Long> suppressed = new TreeMap<>();

  /** The event of the last findings added, counted under its principal, key and address only when it changes. */
  private @Nullable EventSummary pendingEvent;
  private long pending;

  public void add(Finding f) {
    total++;
    byLevel[f.level().ordinal()]++;
    RuleTally t = byRule.get(f.ruleId());
    if (t == null) {
      t = new RuleTally(f);
      byRule.put(f.ruleId(), t);
    }
    t.count++;
    if (f.event() != pendingEvent) { // the findings of one event share its summary
      countPending();
      pendingEvent = f.event();
    }
    pending++;
  }

  private void countPending() {
    EventSummary e = pendingEvent;
    if (e != null) {
      if (e.principal() != null) {
        principals.add(e.principal(), pending);
      }
      if (e.accessKeyId() != null) {
        accessKeys.add(e.accessKeyId(), pending);
      }
      if (e.sourceIp() != null) {
        sourceIps.add(e.sourceIp(), pending);
      }
    }
    pendingEvent = null;
    pending = 0;
  }

  public void belowMinLevel() {
    belowMinLevel++;
  }

  /** Counts a finding the mutelist entry {@code entry} suppressed. */
  public void suppressed(String entry) {
    suppressed.merge(entry, 1L, Long::sum);
  }

  public long suppressedTotal() {
    return suppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> suppressedByEntry() {
    return Map.copyOf(suppressed);
  }

  /** Counts a finding a dry-run rule would have reported. */
  public void dryRun(Finding f) {
    dryRun.computeIfAbsent(f.ruleId(), k -> new RuleTally(f)).count++;
  }

  public void merge(FindingStats o) {
    countPending();
    o.countPending();
    total += o.total;
    belowMinLevel += o.belowMinLevel;
    for (int i = 0; i < byLevel.length; i++) {
      byLevel[i] += o.byLevel[i];
    }
    o.byRule.forEach((k, v) -> {
      RuleTally t = byRule.computeIfAbsent(k, x -> new RuleTally(v.first));
      t.count += v.count;
    });
    o.suppressed.forEach((k, v) -> suppressed.merge(k, v, Long::sum));
    o.dryRun.forEach((k, v) -> dryRun.computeIfAbsent(k, x -> new RuleTally(v.first)).count += v.count);
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
    Map<Level, Long> out = new EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      if (byLevel[l.ordinal()] > 0) {
        out.put(l, byLevel[l.ordinal()]);
      }
    }
    return out;
  }

  /** Rules by finding count (highest first), then level, then title. */
  public List<RuleCount> rules() {
    return ranked(byRule);
  }

  /** Dry-run rules by the number of findings they would have reported. */
  public List<RuleCount> dryRunRules() {
    return ranked(dryRun);
  }

  private static List<RuleCount> ranked(Map<String, RuleTally> tallies) {
    return tallies.values().stream().map(t -> new RuleCount(t.first.ruleId(), t.first.ruleTitle(), t.first.level(),
        t.first.author(), t.first.ruleSource(), t.count)).sorted(Comparator.comparingLong(RuleCount::count).reversed()
        .thenComparing(RuleCount::level, Comparator.reverseOrder()).thenComparing(RuleCount::title)
        .thenComparing(RuleCount::ruleId)).toList();
  }

  public TopCounter principals() {
    countPending();
    return principals;
  }

  public TopCounter accessKeys() {
    countPending();
    return accessKeys;
  }

  public TopCounter sourceIps() {
    countPending();
    return sourceIps;
  }
}
