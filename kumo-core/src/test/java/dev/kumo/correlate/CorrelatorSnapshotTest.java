package dev.kumo.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.attack.AttackInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.FindingRule;
import dev.kumo.json.FieldPath;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.CorrelationRule.CorrelationType;
import dev.kumo.sigma.CorrelationRule.Threshold;
import dev.kumo.sigma.CorrelationRule.Threshold.Op;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.RuleOrigin;
import dev.kumo.testing.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A correlator restored from a snapshot mid-stream goes on exactly as the original would. */
class CorrelatorSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final String[] GROUPS = {"alice", "bob", "carol", "dave"};

  private static CorrelationDef def(int index, CorrelationType type, int members, Duration span, Threshold t,
      List<CorrelationFeed> parents) {
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      rules.add("r" + i);
    }
    RuleMeta meta = new RuleMeta("c" + index, "c" + index, "c" + index, null, null, null, null, List.of(), null, null,
        null, List.of(), List.of(), List.of(), new RuleOrigin("t", 1, false));
    CorrelationRule rule = new CorrelationRule(meta, type, rules, List.of("g"), span, List.of(t), "v", null, Map.of(),
        false);
    return new CorrelationDef(index, rule, AttackInfo.NONE, List.of(), true, false, parents,
        FindingRule.of(meta, AttackInfo.NONE, List.of()));
  }

  /** Every kind of window: sliding bursts (feeding a chained correlation), closing windows, values, order. */
  private static List<CorrelationDef> defs() {
    CorrelationFeed toChained = new CorrelationFeed(5, 0, List.of(FieldPath.of("g")), null);
    return List.of(
        def(0, CorrelationType.EVENT_COUNT, 1, Duration.ofMinutes(1), new Threshold(Op.GTE, 3), List.of(toChained)),
        def(1, CorrelationType.EVENT_COUNT, 1, Duration.ofMinutes(2), new Threshold(Op.LT, 3), List.of()),
        def(2, CorrelationType.VALUE_COUNT, 1, Duration.ofMinutes(10), new Threshold(Op.GTE, 3), List.of()),
        def(3, CorrelationType.TEMPORAL_ORDERED, 2, Duration.ofMinutes(5), new Threshold(Op.GTE, 2), List.of()),
        def(4, CorrelationType.VALUE_PERCENTILE, 1, Duration.ofMinutes(5), new Threshold(Op.LTE, 20), List.of()),
        def(5, CorrelationType.EVENT_COUNT, 1, Duration.ofHours(1), new Threshold(Op.GTE, 2), List.of()));
  }

  /** Matches of correlations 0 (the most) to 4, seconds apart with pauses of minutes, in time order. */
  private static List<CorrelationInput> inputs(int count) {
    Random random = new Random(11);
    List<CorrelationInput> out = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < count; i++) {
      t += random.nextInt(20) == 0 ? 180 + random.nextInt(600) : random.nextInt(8);
      int correlation = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(4);
      int member = correlation == 3 ? random.nextInt(2) : 0;
      String group = GROUPS[random.nextInt(GROUPS.length)];
      String value = String.valueOf(random.nextInt(40));
      Instant time = T0.plusSeconds(t);
      String id = "e" + i;
      out.add(new CorrelationInput(time, id, correlation, member, List.of(group), value, new EventSummary(id, time,
          "s", null, null, null, null, null, null, null, null, null, null, null, List.of(), "f", i)));
    }
    return out;
  }

  /** Feeds the inputs (a stream advances to each one's time first), restoring a copy every {@code every}. */
  private static List<CorrelationHit> run(List<CorrelationInput> inputs, CorrelationLimits limits, boolean stream,
      int every) {
    List<CorrelationDef> defs = defs();
    Correlator c = new Correlator(defs, limits);
    List<CorrelationHit> hits = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      CorrelationInput in = inputs.get(i);
      if (stream) {
        c.advance(in.time(), hits::add);
      }
      if (every > 0 && i % every == 0) {
        c = Snapshots.copy(c).attach(defs);
      }
      c.accept(in, hits::add);
    }
    if (every > 0) {
      c = Snapshots.copy(c).attach(defs);
    }
    if (stream) {
      c.advance(inputs.get(inputs.size() - 1).time().plus(Duration.ofDays(1)), hits::add);
      assertThat(c.openGroups()).isZero();
    } else {
      c.finish(hits::add);
    }
    hits.add(new CorrelationHit(-1, List.of(), T0, T0, c.evictedGroups(), c.droppedEvents(), List.of(),
        inputs.get(0).event())); // the counters, compared too
    return hits;
  }

  @Test
  void snapshotBeforeEveryInput_batch_sameHitsAsUninterrupted() {
    List<CorrelationInput> inputs = inputs(400);
    List<CorrelationHit> uninterrupted = run(inputs, CorrelationLimits.DEFAULTS, false, 0);

    assertThat(uninterrupted).extracting(CorrelationHit::correlation).contains(0, 1, 2, 3, 4, 5);
    assertThat(run(inputs, CorrelationLimits.DEFAULTS, false, 1)).isEqualTo(uninterrupted);
  }

  @Test
  void snapshotBeforeEveryInput_stream_sameHitsAsUninterrupted() {
    List<CorrelationInput> inputs = inputs(400);
    List<CorrelationHit> uninterrupted = run(inputs, CorrelationLimits.DEFAULTS, true, 0);

    assertThat(uninterrupted).extracting(CorrelationHit::correlation).contains(0, 1, 2, 3, 4, 5);
    assertThat(run(inputs, CorrelationLimits.DEFAULTS, true, 1)).isEqualTo(uninterrupted);
  }

  @Test
  void snapshotsAcrossPeriodicSweepsAndLimits_sameHitsAndCountsAsUninterrupted() {
    List<CorrelationInput> inputs = inputs(20_000);
    CorrelationLimits tight = new CorrelationLimits(3, 4, 2);
    List<CorrelationHit> uninterrupted = run(inputs, tight, false, 0);

    assertThat(uninterrupted.get(uninterrupted.size() - 1).eventCount()).as("groups evicted").isPositive();
    assertThat(uninterrupted.get(uninterrupted.size() - 1).value()).as("events dropped").isPositive();
    assertThat(run(inputs, tight, false, 3_001)).isEqualTo(uninterrupted);
  }
}
