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
import org.junit.jupiter.api.Test;

class OutboundFloodDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  private final DetectorHarness harness = DetectorHarness.of(new OutboundFloodDetector(DetectorConfig.DEFAULTS, INTEL));

  /** One-minute records of a SYN flood: random source ports, 60 000 packets of 40 bytes each. */
  private static List<NormalizedEvent> synFlood(String src, String dst, int minutes) {
    List<NormalizedEvent> out = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      out.add(flow(src, dst, 80).srcPort(1_024 + m * 7).packets(60_000, 2_400_000).tcpFlags(2)
          .instance("i-0bad0bad0bad0bad0").time(T0.plusSeconds(60L * m)).id("syn-" + m).build());
    }
    return out;
  }

  @Test
  void observe_synFloodToOneAddress_firesHighWithReason() {
    List<Finding> f = harness.run(synFlood("10.0.1.9", "203.0.113.80", 10));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("10.0.1.9 (i-0bad0bad0bad0bad0) sent 600000 TCP SYN-only packets (40 bytes "
          + "each) to 203.0.113.80:80 in 10m, 0 bytes back: flood from this host (DDoS agent)");
      assertThat(x.evidence()).startsWith("syn-0"); // records are summed before sorting: the first stands for them
      assertThat(x.techniques()).contains("T1498.001");
    });
  }

  @Test
  void observe_udpFloodWithRandomPorts_fires() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      events.add(flow("10.0.1.9", "203.0.113.81", 1_000 + m * 13).protocol("udp").srcPort(20_000 + m)
          .packets(50_000, 25_600_000).time(T0.plusSeconds(60L * m)).build());
    }
    assertThat(harness.run(events)).singleElement().satisfies(x -> assertThat(x.reason()).contains("UDP packets"));
  }

  @Test
  void observe_largeDownloadWhoseAcksAreTiny_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int m = 0; m < 10; m++) { // 1.4 Gbit/s from S3: the outbound side is a stream of 52-byte ACKs
      events.add(flow("10.0.4.4", "52.216.8.10", 443).srcPort(45_000).packets(60_000, 3_120_000)
          .time(T0.plusSeconds(60L * m)).build());
      events.add(flow("52.216.8.10", "10.0.4.4", 45_000).srcPort(443).packets(120_000, 173_760_000)
          .time(T0.plusSeconds(60L * m)).build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_quicServerStreamingToAClient_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      events.add(flow("10.0.5.5", "198.51.100.23", 51_000).protocol("udp").srcPort(443).packets(60_000, 72_000_000)
          .time(T0.plusSeconds(60L * m)).build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_busyButOrdinaryTraffic_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int m = 0; m < 10; m++) { // 20 000 packets a minute: a busy API client, below the flood rate
      events.add(flow("10.0.1.9", "203.0.113.80", 443).packets(20_000, 1_000_000).time(T0.plusSeconds(60L * m))
          .build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_floodLastingHours_isReportedOnce() {
    assertThat(harness.run(synFlood("10.0.1.9", "203.0.113.80", 120))).hasSize(1);
  }

  @Test
  void observe_manyPairs_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new OutboundFloodDetector(new DetectorConfig(
        Map.of(OutboundFloodDetector.NAME, Map.of("max-pairs", "50")), "test"), INTEL));
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      events.add(flow("10.0." + (i / 250) + "." + (i % 250), "203.0.113." + (i % 200), 80).packets(2_000, 80_000)
          .time(T0.plusSeconds(i)).build());
    }
    assertThat(small.run(events)).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(100);
    assertThat(small.lastRunner().evicted()).isGreaterThan(0);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    List<NormalizedEvent> events = synFlood("10.0.1.9", "203.0.113.80", 70); // seven windows, one episode
    events.addAll(synFlood("10.0.1.9", "203.0.113.90", 10));

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<NormalizedEvent> events = synFlood("10.0.1.9", "203.0.113.80", 70);
    events.addAll(synFlood("10.0.1.9", "203.0.113.90", 10));

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, events);
  }

  @Test
  void advance_insideTheOpenWindow_raisesNothing_andAtItsEnd_closesIt() {
    List<NormalizedEvent> events = synFlood("10.0.1.9", "203.0.113.80", 10);

    assertThat(StreamReplay.raisedByAdvance(harness, events, T0.plusSeconds(599))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, T0.plusSeconds(600))).hasSize(1);
  }
}
