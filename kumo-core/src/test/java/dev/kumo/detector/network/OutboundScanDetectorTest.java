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

class OutboundScanDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  private final DetectorHarness harness = DetectorHarness.of(new OutboundScanDetector(DetectorConfig.DEFAULTS, INTEL));

  /** The address of host {@code i} in its own /24: 45.{i/250}.{i%250}.7. */
  private static String net(int i) {
    return "45." + (10 + i / 250) + "." + (i % 250) + ".7";
  }

  @Test
  void observe_sshSweepOfManyNetworks_firesHighAsBruteForce() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(flow("10.0.1.5", net(i), 22).srcPort(41_000 + i).packets(i % 3 == 0 ? 24 : 2, i % 3 == 0 ? 5_000 : 120)
          .instance("i-0a1b2c3d4e5f60718").time(T0.plusSeconds(5L * i)).id("ssh-" + i).build());
    }
    List<Finding> f = harness.run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("10.0.1.5 (i-0a1b2c3d4e5f60718) reached SSH/Telnet/RDP on 30 external "
          + "networks in 10m (tcp/22: 30): brute-force or worm spreading from this host");
      assertThat(x.evidence()).hasSize(10).startsWith("ssh-0", "ssh-1");
      assertThat(x.threats()).containsExactly("attack-infrastructure");
    });
  }

  @Test
  void observe_probesToManyNetworksMostlyUnanswered_firesMediumHorizontalScan() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      events.add(flow("10.0.1.5", net(i), 6379).packets(1, 44).time(T0.plusSeconds(2L * i)).build());
    }
    for (int i = 0; i < 5; i++) {
      events.add(flow("10.0.1.5", net(500 + i), 6379).packets(12, 900).time(T0.plusSeconds(3L * i)).build());
    }
    List<Finding> f = harness.run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("10.0.1.5 (eni-0a1b2c3d4e5f60718) probed 150 external /24 networks in 10m "
          + "(tcp/6379: 150); 5 networks answered");
    });
  }

  @Test
  void observe_probesOfManyPortsOfOneHost_firesVerticalScan() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int p = 1; p <= 120; p++) {
      events.add(flow("10.0.1.5", "198.51.100.7", p).rejected().packets(1, 40).time(T0.plusSeconds(p)).build());
    }
    List<Finding> f = harness.run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).startsWith("10.0.1.5 (eni-0a1b2c3d4e5f60718) probed 120 ports of 198.51.100.7 in 10m (");
    });
  }

  @Test
  void observe_natGatewayReachingManyHostsThatAnswer_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      events.add(flow("10.0.0.220", net(i), 443).srcPort(30_000 + i).packets(40, 30_000).time(T0.plusSeconds(i % 590))
          .build());
    }
    for (int i = 600; i < 800; i++) { // keep-alives and connection tails: one packet each
      events.add(flow("10.0.0.220", net(i), 443).srcPort(30_000 + i).packets(1, 52).time(T0.plusSeconds(i % 590))
          .build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_loadBalancerAnsweringManyClients_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      events.add(flow("10.0.0.50", net(i), 50_000 + i).srcPort(443).packets(2, 120).time(T0.plusSeconds(i)).build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_dnsResolverQueryingManyNameServers_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(flow("10.0.2.10", net(i), 53).protocol("udp").srcPort(33_000 + i).packets(1, 70)
          .time(T0.plusSeconds(i)).build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_gitOverSshToACodeHostWithManyAddresses_doesNotFire() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) { // 140.82.112.0/20: 16 networks, many addresses
      events.add(flow("10.0.3.4", "140.82." + (112 + i % 16) + "." + (i % 200), 22).srcPort(40_000 + i)
          .packets(30, 40_000).time(T0.plusSeconds(i)).build());
    }
    assertThat(harness.run(events)).isEmpty();
  }

  @Test
  void observe_scanLastingHours_isReportedOncePerEpisode() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      for (int i = 0; i < 25; i++) {
        events.add(flow("10.0.1.5", net(w * 25 + i), 23).packets(1, 60)
            .time(T0.plusSeconds(w * 600L + 10L * i)).build());
      }
    }
    assertThat(harness.run(events)).hasSize(1);
  }

  @Test
  void observe_manySourcesAndDestinations_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new OutboundScanDetector(new DetectorConfig(
        Map.of(OutboundScanDetector.NAME, Map.of("max-keys", "100")), "test"), INTEL));
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      events.add(flow("10.1." + (i / 250) + "." + (i % 250), net(i), 22).packets(1, 60).time(T0.plusSeconds(i / 10))
          .build());
    }
    assertThat(small.run(events)).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(200);
    assertThat(small.lastRunner().evicted()).isGreaterThan(0);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenWindow() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(flow("10.0.1.5", net(i), 22).srcPort(41_000 + i).packets(2, 120).time(T0.plusSeconds(5L * i)).build());
      events.add(flow("10.0.1.6", net(i), 22).srcPort(41_000 + i).packets(2, 120).time(T0.plusSeconds(900 + 5L * i))
          .build());
    }
    for (int i = 0; i < 150; i++) {
      events.add(flow("10.0.1.7", net(i), 6379).packets(1, 44).time(T0.plusSeconds(2L * i)).build());
    }

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(3);
    assertThat(StreamReplay.raisedByAdvance(harness, events, T0.plusSeconds(1_199))).isEmpty();
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(flow("10.0.1.5", net(i), 22).srcPort(41_000 + i).packets(2, 120).time(T0.plusSeconds(5L * i)).build());
    }
    for (int i = 0; i < 150; i++) {
      events.add(flow("10.0.1.7", net(i), 6379).packets(1, 44).time(T0.plusSeconds(2L * i)).build());
    }

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, events);
  }
}
