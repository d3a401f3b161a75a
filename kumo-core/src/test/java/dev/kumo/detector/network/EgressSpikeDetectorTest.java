package dev.kumo.detector.network;

import static dev.kumo.testing.NetEvents.flow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.DetectorHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class EgressSpikeDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final DetectorHarness harness = DetectorHarness.of(new EgressSpikeDetector(DetectorConfig.DEFAULTS, INTEL));

  /** One outbound record per hour for {@code hours} hours, of {@code bytes.applyAsLong(hour)} bytes (0: none). */
  private static List<NormalizedEvent> hourly(String src, String dst, int hours, LongUnaryOperator bytes) {
    List<NormalizedEvent> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      long b = bytes.applyAsLong(h);
      if (b > 0) {
        out.add(flow(src, dst, 443).packets(Math.max(1, b / 1_400), b).instance("i-0db0db0db0db0db00")
            .time(T0.plusSeconds(3_600L * h + 120)).id(src + "-h" + h).build());
      }
    }
    return out;
  }

  @Test
  void observe_hourFarAboveTheHostsHistory_firesWithBaselineInReason() {
    List<NormalizedEvent> events = hourly("10.0.2.7", "198.51.100.9", 24 * 5, h -> 50_000_000 + (h % 7) * 1_000_000);
    events.add(flow("10.0.2.7", "203.0.113.66", 443).packets(20_000_000, 28_000_000_000L).instance("i-0db0db0db0db0db00")
        .time(T0.plusSeconds(3_600L * 24 * 5 + 300)).id("exfil").build());
    List<Finding> f = harness.run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("10.0.2.7 (i-0db0db0db0db0db00) sent 28.0 GB to external addresses in the hour "
          + "from 2026-03-06 00:00 UTC (203.0.113.66 28.0 GB): 500x its largest hour in 5d (median 53.0 MB/h, "
          + "120 active hours)");
      assertThat(x.evidence()).containsExactly("exfil");
      assertThat(x.threats()).containsExactly("data-theft");
    });
  }

  @Test
  void observe_steadyHighEgressBackupHost_doesNotFire() {
    assertThat(harness.run(hourly("10.0.9.9", "198.51.100.50", 24 * 10,
        h -> 40_000_000_000L + (h % 5) * 2_000_000_000L))).isEmpty();
  }

  @Test
  void observe_nightlyBackupOfSimilarSize_doesNotFire() {
    assertThat(harness.run(hourly("10.0.9.8", "198.51.100.51", 24 * 10,
        h -> h % 24 == 2 ? 30_000_000_000L + (h / 24) * 500_000_000L : h % 24 < 8 ? 0 : 20_000_000))).isEmpty();
  }

  @Test
  void observe_spikeWhileStillLearning_doesNotFire() {
    List<NormalizedEvent> events = hourly("10.0.2.8", "198.51.100.9", 30, h -> 50_000_000);
    events.add(flow("10.0.2.8", "203.0.113.66", 443).packets(1_000_000, 20_000_000_000L)
        .time(T0.plusSeconds(3_600L * 31)).build());
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_spikeBelowTheAbsoluteFloor_doesNotFire() {
    List<NormalizedEvent> events = hourly("10.0.2.9", "198.51.100.9", 24 * 5, h -> 1_000_000);
    events.add(flow("10.0.2.9", "203.0.113.66", 443).packets(500_000, 700_000_000L)
        .time(T0.plusSeconds(3_600L * 24 * 5 + 60)).build());
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_trafficToPrivateAddresses_isNotEgress() {
    List<NormalizedEvent> events = hourly("10.0.2.7", "198.51.100.9", 24 * 5, h -> 50_000_000);
    events.add(flow("10.0.2.7", "10.0.8.8", 5432).packets(20_000_000, 28_000_000_000L)
        .time(T0.plusSeconds(3_600L * 24 * 5 + 300)).build());
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_manyHosts_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new EgressSpikeDetector(new DetectorConfig(
        Map.of(EgressSpikeDetector.NAME, Map.of("max-sources", "40")), "test"), INTEL));
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(flow("10.2." + (i / 250) + "." + (i % 250), "198.51.100.9", 443).packets(10, 10_000)
          .time(T0.plusSeconds(30L * i)).build());
    }
    assertThat(small.run(events)).isEmpty();
    assertThat(small.lastRunner().stateSize()).isEqualTo(40);
    assertThat(small.lastRunner().evicted()).isEqualTo(2_000 - 40);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenHour() {
    List<NormalizedEvent> events = hourly("10.0.2.7", "198.51.100.9", 24 * 5, h -> 50_000_000 + (h % 7) * 1_000_000);
    events.addAll(hourly("10.0.2.8", "198.51.100.9", 24 * 5, h -> 50_000_000));
    events.add(flow("10.0.2.8", "203.0.113.66", 443).packets(20_000_000, 28_000_000_000L)
        .time(T0.plusSeconds(3_600L * 24 * 4 + 300)).id("early").build());
    events.add(flow("10.0.2.7", "203.0.113.66", 443).packets(20_000_000, 28_000_000_000L).instance("i-0db0db0db0db0db00")
        .time(T0.plusSeconds(3_600L * 24 * 5 + 300)).id("exfil").build());
    Instant endOfLastHour = T0.plusSeconds(3_600L * (24 * 5 + 1));

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
    assertThat(StreamReplay.raisedByAdvance(harness, events, endOfLastHour.minusSeconds(1))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, endOfLastHour))
        .singleElement().satisfies(x -> assertThat(x.evidence()).containsExactly("exfil"));
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<NormalizedEvent> events = hourly("10.0.2.7", "198.51.100.9", 24 * 5, h -> 50_000_000 + (h % 7) * 1_000_000);
    events.add(flow("10.0.2.7", "203.0.113.66", 443).packets(20_000_000, 28_000_000_000L).instance("i-0db0db0db0db0db00")
        .time(T0.plusSeconds(3_600L * 24 * 5 + 300)).id("exfil").build());

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, events);
  }
}
