package dev.kumo.flink;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.correlate.CorrelationInputCodec;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.correlate.Correlator;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingJson;
import dev.kumo.hunt.FindingStats;
import dev.kumo.hunt.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Correlation rules, one correlation group (or chain) per key, with Kumo's {@link Correlator}. */
final class CorrelationStage extends OrderedStage<Correlator> {
  private static final long serialVersionUID = 1L;
  private final CorrelationLimits limits;

  CorrelationStage(RuleBook book, CorrelationLimits limits, Duration tick, Duration ttl) {
    super(book, tick, ttl);
    this.limits = limits;
  }

  @Override
  Correlator start(RuleSet rules) {
    return rules.engine().newCorrelator(limits);
  }

  @Override
  Correlator restored(Correlator c, RuleSet rules) {
    return c.attach(rules.engine().correlations());
  }

  @Override
  void accept(Correlator c, StreamItem item, RuleSet rules, Consumer<String> findings) {
    c.accept(Bytes.decode(CorrelationInputCodec.INSTANCE, Objects.requireNonNull(item.payload)),
        hit -> emit(hit, rules, findings));
  }

  @Override
  void advance(Correlator c, Instant watermark, RuleSet rules, Consumer<String> findings) {
    c.advance(watermark, hit -> emit(hit, rules, findings));
  }

  @Override
  void finish(Correlator c, RuleSet rules, Consumer<String> findings) {
    c.finish(hit -> emit(hit, rules, findings));
  }

  @Override
  long size(Correlator c) {
    return c.openGroups();
  }

  @Override
  void acceptInOrder(Correlator c, List<StreamItem> items, RuleSet rules, Consumer<String> findings) {
    List<CorrelationInput> inputs = new ArrayList<>(items.size());
    items.forEach(i -> inputs.add(Bytes.decode(CorrelationInputCodec.INSTANCE, Objects.requireNonNull(i.payload))));
    inputs.sort(CorrelationInput.ORDER);
    inputs.forEach(in -> c.accept(in, hit -> emit(hit, rules, findings)));
  }

  private static void emit(CorrelationHit hit, RuleSet rules, Consumer<String> findings) {
    CorrelationDef def = rules.engine().correlations().get(hit.correlation());
    if (def.emitsFindings()) {
      rules.gate().offer(Findings.of(def, hit), def.dryRun(), new FindingStats(),
          (Finding f) -> findings.accept(FindingJson.toJson(f, rules.version())), null);
    }
  }
}
