package dev.kumo.detect;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.correlate.Correlator;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Compiled rules for every log source, ready to evaluate events. Immutable, thread-safe and
 * serializable: build it once and share it between threads, processes or a Flink job.
 */
public final class DetectionEngine implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<CompiledRule> rules;
  private final Map<String, SourceRules> bySource;
  private final List<CorrelationDef> correlations;

  DetectionEngine(List<CompiledRule> rules, Map<String, SourceRules> bySource, List<CorrelationDef> correlations) {
    this.rules = List.copyOf(rules);
    this.bySource = Map.copyOf(bySource);
    this.correlations = List.copyOf(correlations);
  }

  /**
   * Calls {@code onMatch} for every rule of the event's source that matches it. Stateless: the
   * same event always gives the same matches.
   */
  public void match(NormalizedEvent event, Consumer<CompiledRule> onMatch) {
    SourceRules sr = bySource.get(event.source());
    if (sr == null) {
      return;
    }
    JsonObject raw = event.raw();
    sr.candidates(raw, r -> {
      if (r.condition().matches(raw)) {
        onMatch.accept(r);
      }
    });
  }

  /** A new correlation evaluator with its own state (one per stream or hunt). */
  public Correlator newCorrelator(CorrelationLimits limits) {
    return new Correlator(correlations, limits);
  }

  /** Every compiled rule (a rule routed to two sources appears twice). */
  public List<CompiledRule> rules() {
    return rules;
  }

  public List<CorrelationDef> correlations() {
    return correlations;
  }

  /** Every rule's finding description: detection rules first, then correlations. */
  public List<dev.kumo.finding.FindingRule> findingRules() {
    List<dev.kumo.finding.FindingRule> out = new java.util.ArrayList<>();
    rules.forEach(r -> out.add(r.findingRule()));
    correlations.forEach(c -> out.add(c.findingRule()));
    return out;
  }

  /** Source ids that have rules. */
  public Set<String> sources() {
    return new TreeMap<>(bySource).keySet();
  }

  /**
   * How the index narrows a rule down: the field and the values it must have, or empty when the rule
   * is evaluated on every event of its source.
   */
  public java.util.Optional<Map.Entry<String, Set<String>>> indexKeys(CompiledRule rule) {
    SourceRules sr = bySource.get(rule.sourceId());
    return sr == null ? java.util.Optional.empty() : sr.indexKeys(rule);
  }

  /** Rules compiled for a source, and how many of them the index cannot narrow down. */
  public record SourceStats(int rules, int unindexed) {}

  public SourceStats stats(String sourceId) {
    SourceRules sr = bySource.get(sourceId);
    return sr == null ? new SourceStats(0, 0) : new SourceStats(sr.ruleCount(), sr.unindexedCount());
  }
}
