package dev.kumo.detector.intel;

import static dev.kumo.testing.NetEvents.dns;
import static dev.kumo.testing.NetEvents.flow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.detector.network.MiningPoolDetector;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelStore;
import dev.kumo.intel.Warninglist;
import dev.kumo.sigma.Level;
import dev.kumo.testing.DetectorHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelMatchDetectorTest {
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final Indicator POOL = new Indicator(IndicatorType.DOMAIN, "minexmr.com", "miners", "indicator--1", 85,
      null, null, List.of("malicious-activity"), List.of(), List.of("malware: XMRig", "threat-actor: TeamTNT"), null);
  private static final Indicator POOL_IP = new Indicator(IndicatorType.IP, "107.191.47.239", "miners", null, 40, null,
      null, List.of(), List.of(), List.of(), null);
  private static final Indicator CLOUD_IP = Indicator.of(IndicatorType.IP, "3.18.108.36", "miners");

  private static DetectorHarness harness(IntelStore store) {
    Intel intel = Intel.builtin().withIocs(store);
    return DetectorHarness.withIntel(store, new IntelMatchDetector(DetectorConfig.DEFAULTS, intel),
        new MiningPoolDetector(DetectorConfig.DEFAULTS, intel));
  }

  @Test
  void observe_dnsLookupsOfAListedDomain_oneFindingWithFeedConfidenceAndContext() {
    List<Finding> f = harness(IntelStore.builder().add(POOL).build()).run(List.of(
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0, "q1"),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0.plusSeconds(60), "q2")));

    assertThat(f).filteredOn(x -> x.ruleName().equals(IntelMatchDetector.NAME)).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("10.0.1.5: xmr.minexmr.com matched threat intel domain minexmr.com "
          + "[xmr.minexmr.com] (feed miners, confidence 85; malware: XMRig; threat-actor: TeamTNT), 2 times in 1m");
      assertThat(x.evidence()).containsExactly("q1", "q2");
      assertThat(x.event().intel()).singleElement().satisfies(h -> {
        assertThat(h.id()).isEqualTo("indicator--1");
        assertThat(h.feed()).isEqualTo("miners");
      });
    });
  }

  @Test
  void observe_otherFindingOnTheSameEvent_carriesTheIntelHitToo() {
    List<Finding> f = harness(IntelStore.builder().add(POOL_IP).build()).run(List.of(
        flow("10.0.1.5", "107.191.47.239", 3333).time(T0).id("f1").build()));

    assertThat(f).extracting(Finding::ruleName)
        .containsExactlyInAnyOrder(IntelMatchDetector.NAME, MiningPoolDetector.NAME);
    assertThat(f).allSatisfy(x -> assertThat(x.event().intel()).singleElement()
        .satisfies(h -> assertThat(h.indicator()).isEqualTo("107.191.47.239")));
    assertThat(f).filteredOn(x -> x.ruleName().equals(IntelMatchDetector.NAME))
        .singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(Level.LOW));
  }

  @Test
  void observe_addressOnACloudWarninglist_producesNoIntelFinding() {
    IntelStore store = IntelStore.builder().add(CLOUD_IP).add(Indicator.of(IndicatorType.IP, "3.0.0.0/8", "broad"))
        .warninglist(new Warninglist("Amazon AWS", IndicatorType.IP, List.of("3.0.0.0/9"), "aws")).build();

    List<Finding> f = harness(store).run(List.of(flow("10.0.1.6", "3.18.108.36", 443).time(T0).id("f2").build()));

    assertThat(f).filteredOn(x -> x.ruleName().equals(IntelMatchDetector.NAME)).isEmpty();
  }

  @Test
  void detector_withoutIndicators_wantsNoSource() {
    assertThat(new IntelMatchDetector(DetectorConfig.DEFAULTS, Intel.builtin()).sources()).isEmpty();
    assertThat(new IntelMatchDetector(DetectorConfig.DEFAULTS, Intel.builtin().withIocs(
        IntelStore.builder().add(POOL).build())).sources()).contains("aws.vpcflow", "aws.cloudtrail",
            "aws.route53resolver");
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    DetectorHarness h = harness(IntelStore.builder().add(POOL).add(POOL_IP).build());
    List<NormalizedEvent> events = List.of(
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0, "q1"),
        flow("10.0.1.5", "107.191.47.239", 3333).time(T0.plusSeconds(30)).id("f1").build(),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0.plusSeconds(60), "q2"),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0.plusSeconds(3 * 3_600), "q3"));

    assertThat(StreamReplay.assertStreamMatchesBatch(h, events, true))
        .filteredOn(x -> x.ruleName().equals(IntelMatchDetector.NAME)).hasSize(3);
    assertThat(StreamReplay.raisedByAdvance(h, events, T0.plusSeconds(3 * 3_600 + 3_599))).isEmpty();
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness(IntelStore.builder().add(POOL).add(POOL_IP).build()), List.of(
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0, "q1"),
        flow("10.0.1.5", "107.191.47.239", 3333).time(T0.plusSeconds(30)).id("f1").build(),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0.plusSeconds(60), "q2"),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.minexmr.com", T0.plusSeconds(3 * 3_600), "q3")));
  }
}
