package dev.kumo.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.attack.AttackInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.CorrelationRule.CorrelationType;
import dev.kumo.sigma.CorrelationRule.Threshold;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.RuleOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The correlator on its own: windows, ties, closing, and bounded state. */
class CorrelatorTest {
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  private static CorrelationDef def(CorrelationType type, int members, Duration span, Threshold... t) {
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      rules.add("r" + i);
    }
    RuleMeta meta = new RuleMeta("c", "c", "c", null, null, null, null, List.of(), null, null, null, List.of(),
        List.of(), List.of(), new RuleOrigin("t", 1, false));
    CorrelationRule rule = new CorrelationRule(meta, type, rules, List.of("g"), span, List.of(t), "v", null, Map.of(),
        false);
    return new CorrelationDef(0, rule, AttackInfo.NONE, List.of(), true, false, List.of(),
        dev.kumo.finding.FindingRule.of(meta, AttackInfo.NONE, List.of()));
  }

  private static CorrelationInput in(long seconds, int member, String group, String value, String id) {
    Instant t = T0.plusSeconds(seconds);
    return new CorrelationInput(t, id, 0, member, List.of(group), value, new EventSummary(id, t, "s", null, null, null,
        null, null, null, null, null, null, null, null, List.of(), "f", 1));
  }

  private static List<CorrelationHit> run(CorrelationDef d, CorrelationLimits limits, CorrelationInput... inputs) {
    Correlator c = new Correlator(List.of(d), limits);
    List<CorrelationHit> hits = new ArrayList<>();
    for (CorrelationInput i : inputs) {
      c.accept(i, hits::add);
    }
    c.finish(hits::add);
    return hits;
  }

  @Test
  void temporalOrdered_sameSecondInEitherOrder_fires() {
    CorrelationDef d = def(CorrelationType.TEMPORAL_ORDERED, 2, Duration.ofMinutes(5),
        new Threshold(Threshold.Op.GTE, 2));
    assertThat(run(d, CorrelationLimits.DEFAULTS, in(0, 1, "a", null, "e2"), in(0, 0, "a", null, "e1"))).hasSize(1);
  }

  @Test
  void temporalOrdered_laterEventFirst_doesNotFire() {
    CorrelationDef d = def(CorrelationType.TEMPORAL_ORDERED, 2, Duration.ofMinutes(5),
        new Threshold(Threshold.Op.GTE, 2));
    assertThat(run(d, CorrelationLimits.DEFAULTS, in(0, 1, "a", null, "e2"), in(1, 0, "a", null, "e1"))).isEmpty();
  }

  @Test
  void eventCount_slidingWindow_reportsTheWholeBurstOnce() {
    CorrelationDef d = def(CorrelationType.EVENT_COUNT, 1, Duration.ofMinutes(1), new Threshold(Threshold.Op.GTE, 3));
    List<CorrelationHit> hits = run(d, CorrelationLimits.DEFAULTS, in(0, 0, "a", null, "1"), in(50, 0, "a", null, "2"),
        in(70, 0, "a", null, "3"), in(100, 0, "a", null, "4"), in(110, 0, "a", null, "5"), in(160, 0, "a", null, "6"));
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.eventIds()).containsExactly("2", "3", "4", "5", "6");
      assertThat(h.eventCount()).isEqualTo(5);
      assertThat(h.first()).isEqualTo(T0.plusSeconds(50));
    });
  }

  @Test
  void eventCount_twoBurstsApart_reportTwice() {
    CorrelationDef d = def(CorrelationType.EVENT_COUNT, 1, Duration.ofMinutes(1), new Threshold(Threshold.Op.GTE, 2));
    List<CorrelationHit> hits = run(d, CorrelationLimits.DEFAULTS, in(0, 0, "a", null, "1"), in(10, 0, "a", null, "2"),
        in(500, 0, "a", null, "3"), in(510, 0, "a", null, "4"));
    assertThat(hits).extracting(CorrelationHit::eventIds).containsExactly(List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void eventCount_lessThan_isJudgedWhenTheWindowCloses() {
    CorrelationDef d = def(CorrelationType.EVENT_COUNT, 1, Duration.ofMinutes(1), new Threshold(Threshold.Op.LT, 3));
    List<CorrelationHit> hits = run(d, CorrelationLimits.DEFAULTS, in(0, 0, "quiet", null, "1"),
        in(0, 0, "busy", null, "2"), in(10, 0, "busy", null, "3"), in(20, 0, "busy", null, "4"));
    assertThat(hits).extracting(h -> h.groupValues().get(0)).containsExactly("quiet");
  }

  @Test
  void valueCount_countsDistinctValuesPerGroup() {
    CorrelationDef d = def(CorrelationType.VALUE_COUNT, 1, Duration.ofMinutes(10), new Threshold(Threshold.Op.GTE, 3));
    assertThat(run(d, CorrelationLimits.DEFAULTS, in(0, 0, "a", "x", "1"), in(1, 0, "a", "x", "2"),
        in(2, 0, "a", "y", "3"))).isEmpty();
    assertThat(run(d, CorrelationLimits.DEFAULTS, in(0, 0, "a", "x", "1"), in(1, 0, "a", "y", "2"),
        in(2, 0, "a", "z", "3"))).hasSize(1);
  }

  @Test
  void valueSum_sumsNumericValues() {
    CorrelationDef d = def(CorrelationType.VALUE_SUM, 1, Duration.ofHours(1), new Threshold(Threshold.Op.GT, 100));
    assertThat(run(d, CorrelationLimits.DEFAULTS, in(0, 0, "a", "60", "1"), in(1, 0, "a", "50.5", "2")))
        .singleElement().satisfies(h -> assertThat(h.value()).isEqualTo(110.5));
  }

  @Test
  void manyGroups_stateStaysBoundedAndEvictionsAreCounted() {
    CorrelationDef d = def(CorrelationType.EVENT_COUNT, 1, Duration.ofDays(1), new Threshold(Threshold.Op.GTE, 2));
    Correlator c = new Correlator(List.of(d), new CorrelationLimits(100, 10, 5));
    for (int i = 0; i < 10_000; i++) {
      c.accept(in(i, 0, "g" + i, null, "e" + i), h -> { });
    }
    assertThat(c.evictedGroups()).isEqualTo(9_900);
  }

  @Test
  void oneGroupManyEvents_windowStaysBounded() {
    CorrelationDef d = def(CorrelationType.EVENT_COUNT, 1, Duration.ofDays(1), new Threshold(Threshold.Op.LT, 1));
    Correlator c = new Correlator(List.of(d), new CorrelationLimits(100, 10, 5));
    for (int i = 0; i < 1_000; i++) {
      c.accept(in(i, 0, "g", null, "e" + i), h -> { });
    }
    assertThat(c.droppedEvents()).isEqualTo(990);
  }
}
