package dev.kumo.detector.network;

import static dev.kumo.testing.NetEvents.dns;
import static dev.kumo.testing.NetEvents.flow;
import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SourceTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiningPoolDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  private final DetectorHarness harness = DetectorHarness.of(new MiningPoolDetector(DetectorConfig.DEFAULTS, INTEL));

  @Test
  void observe_lookupsOfAPoolSubdomain_fireHighOncePerEpisode() {
    List<Finding> f = harness.run(List.of(
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.pool.minergate.com", T0, "q1"),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.pool.minergate.com", T0.plusSeconds(300), "q2"),
        dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "XMR.Pool.MinerGate.com", T0.plusSeconds(600), "q3")));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("10.0.1.5 (i-0a1b2c3d4e5f60718) looked up xmr.pool.minergate.com, "
          + "XMR.Pool.MinerGate.com (mining pool minergate.com) 3 times in 10m");
      assertThat(x.evidence()).containsExactly("q1", "q2", "q3");
      assertThat(x.threats()).containsExactly("cryptomining");
      assertThat(x.techniques()).contains("T1496.001");
    });
  }

  @Test
  void observe_lookAlikeAndOrdinaryNames_doNotFire() {
    assertThat(harness.run(List.of(
        dns("10.0.1.5", null, "notminergate.com", T0, "a"),
        dns("10.0.1.5", null, "minergate.com.example.org", T0, "b"),
        dns("10.0.1.5", null, "dynamodb.us-west-2.amazonaws.com", T0, "c"),
        dns("10.0.1.5", null, "www.google.com", T0, "d"),
        dns("10.0.1.5", null, "com", T0, "e")))).isEmpty();
  }

  @Test
  void observe_flowToAListedPoolOnItsPort_firesHigh() {
    List<Finding> f = harness.run(List.of(
        flow("10.0.1.5", "107.191.47.239", 3333).instance("i-0a1b2c3d4e5f60718").time(T0).id("f1").build(),
        flow("107.191.47.239", "10.0.1.5", 40_000).srcPort(3333).time(T0).id("f1r").build()));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("10.0.1.5 (i-0a1b2c3d4e5f60718) connected to 107.191.47.239 on port 3333, "
          + "listed as a mining pool on ports 3333, 7777 (1 flow)");
      assertThat(x.evidence()).containsExactly("f1");
    });
  }

  @Test
  void observe_flowToAListedAddressOnAnotherPort_isMediumOrLowAtACloudAddress() {
    List<Finding> f = harness.run(List.of(
        flow("10.0.1.5", "107.191.47.239", 443).time(T0).build(),
        flow("10.0.1.6", "3.18.108.36", 443).time(T0).build()));

    assertThat(f).extracting(Finding::level).containsExactlyInAnyOrder(Level.MEDIUM, Level.LOW);
    assertThat(f).filteredOn(x -> x.level() == Level.LOW).singleElement()
        .satisfies(x -> assertThat(x.reason()).endsWith("; the address is in aws cloud ranges, whose addresses are often reassigned"));
  }

  @Test
  void observe_repeatedStratumPortConnections_areALowSignal_andOneIsNothing() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(flow("10.0.1.7", "198.51.100.77", 14444).time(T0.plusSeconds(600L * i)).build());
    }
    events.add(flow("10.0.1.8", "198.51.100.78", 4444).time(T0).build());
    List<Finding> f = harness.run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).isEqualTo("10.0.1.7 (eni-0a1b2c3d4e5f60718) connected to stratum mining ports "
          + "198.51.100.77:14444 (4 flows in 30m); the addresses are not on the mining pool list");
    });
  }

  @Test
  void observe_manyHostsAndPools_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new MiningPoolDetector(new DetectorConfig(
        Map.of(MiningPoolDetector.NAME, Map.of("max-open-episodes", "30")), "test"), INTEL));
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      events.add(dns("10.3." + (i / 250) + "." + (i % 250), null, "h" + i + ".supportxmr.com", T0.plusSeconds(i),
          "d" + i));
    }
    assertThat(small.run(events)).hasSize(1_000);
    assertThat(small.lastRunner().stateSize()).isZero();
    assertThat(small.lastRunner().evicted()).isEqualTo(1_000 - 30);
  }

  /**
   * Panther's AWS.DNS.Crypto.Domain test records (Route 53 Resolver and OCSF DNS activity), read
   * through the real source: every expected match on a listed pool fires, no expected non-match
   * does. Panther's two cases on webservicepag.webhop.net use a name that is not on Maltrail's list
   * and are missed.
   */
  @Test
  void observe_pantherDnsCryptoDomainCases_readThroughTheSource_matchExpectations() throws Exception {
    int fired = 0;
    int missed = 0;
    for (SourceTesting.PantherCase c : SourceTesting.pantherCases("tests_AWS.VPCDns.jsonl.gz")) {
      if (!c.ruleId().equals("AWS.DNS.Crypto.Domain")) {
        continue;
      }
      SourceTesting.Read read = SourceTesting.read("dns.jsonl", (c.log().toJson() + "\n").getBytes(UTF_8));
      assertThat(read.events()).as(c.testName()).singleElement()
          .satisfies(e -> assertThat(e.details()).isInstanceOf(DnsQuery.class));
      List<Finding> f = harness.run(new ArrayList<>(read.events()));
      if (!c.expected()) {
        assertThat(f).as(c.testName()).isEmpty();
      } else if (f.isEmpty()) {
        assertThat(((DnsQuery) read.events().get(0).details()).hostname()).as(c.testName()).endsWith("webhop.net");
        missed++;
      } else {
        assertThat(f).singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(Level.HIGH));
        fired++;
      }
    }
    assertThat(fired).isEqualTo(5);
    assertThat(missed).isEqualTo(2);
  }

  /** Two lookup episodes of one host a quiet hour apart, another host's stratum flows in between. */
  private static List<NormalizedEvent> twoEpisodes() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.pool.minergate.com", T0.plusSeconds(300L * i), "q" + i));
      events.add(dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "xmr.pool.minergate.com",
          T0.plusSeconds(3 * 3_600 + 300L * i), "r" + i));
    }
    for (int i = 0; i < 4; i++) {
      events.add(flow("10.0.1.7", "198.51.100.77", 14444).time(T0.plusSeconds(1_200 + 600L * i)).build());
    }
    return events;
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    assertThat(StreamReplay.assertStreamMatchesBatch(harness, twoEpisodes(), true)).hasSize(3);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, twoEpisodes());
  }

  @Test
  void advance_insideAnOpenEpisode_raisesNothing_andAtItsQuietEnd_closesIt() {
    Instant last = StreamReplay.lastTime(harness, twoEpisodes());

    assertThat(StreamReplay.raisedByAdvance(harness, twoEpisodes(), last.plus(Duration.ofMinutes(59)))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, twoEpisodes(), last.plus(Duration.ofHours(1))))
        .singleElement().satisfies(x -> assertThat(x.evidence()).containsExactly("r0", "r1", "r2"));
  }
}
