package dev.kumo.detector.identity;

import static dev.kumo.testing.CloudTrailEvents.event;
import static dev.kumo.testing.CloudTrailEvents.instanceRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceCredentialsOutsideDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final String INSTANCE = instanceRole("webapp-ec2-role", "i-0a1b2c3d4e5f60718");

  private final DetectorHarness harness = DetectorHarness.of(
      new InstanceCredentialsOutsideDetector(DetectorConfig.DEFAULTS, INTEL));

  @Test
  void instanceCredentialsFromOutsideAnyCloud_fireOncePerEpisodeWithEvidence() {
    List<Finding> f = harness.run(List.of(
        event().identity(INSTANCE).ip("45.61.136.20").time("2026-03-10T21:47:13Z").id("a").build(),
        event().identity(INSTANCE).ip("45.61.136.20").time("2026-03-10T21:47:25Z").id("b")
            .call("iam.amazonaws.com", "ListAttachedRolePolicies").build()));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.techniques()).contains("T1552.005");
      assertThat(x.evidence()).containsExactly("a", "b");
      assertThat(x.reason()).isEqualTo("instance credentials of assumed-role/webapp-ec2-role/i-0a1b2c3d4e5f60718 used "
          + "from 45.61.136.20 (not a cloud provider address): 2 calls in 12s (GetCallerIdentity, ListAttachedRolePolicies)");
      assertThat(x.threats()).containsExactly("upstream-movement");
    });
  }

  @Test
  void instanceCredentialsFromTheInstanceOrAws_doNotFire() {
    assertThat(harness.run(List.of(
        event().identity(INSTANCE).ip("10.0.3.17").build(),
        event().identity(INSTANCE).ip("3.4.17.9").build(),
        event().identity(INSTANCE).ip("ec2.amazonaws.com").build()))).isEmpty();
  }

  @Test
  void callsByAServiceOnTheInstancesBehalfOrTheAgentChannel_doNotFire() {
    assertThat(harness.run(List.of(
        event().identity(INSTANCE.replace("\"type\":\"AssumedRole\",", "\"type\":\"AssumedRole\",\"invokedBy\":"
            + "\"eks.amazonaws.com\",")).ip("45.33.32.156").build(),
        event().identity(INSTANCE).ip("45.33.32.156").call("ssmmessages.amazonaws.com", "CreateControlChannel")
            .build()))).isEmpty();
  }

  @Test
  void otherSessionsFromOutside_doNotFire() {
    assertThat(harness.run(List.of(
        event().identity(CloudTrailEvents.role("Admin", "alice", "ASIAALICE")).ip("45.61.136.20").build(),
        event().identity(CloudTrailEvents.user("bob")).ip("45.61.136.20").build()))).isEmpty();
  }

  @Test
  void sessionNamedAfterAnInstance_withoutMarker_stillFires() {
    String legacy = CloudTrailEvents.role("app", "i-0123456789abcdef0", "ASIAX");
    assertThat(harness.run(List.of(event().identity(legacy).ip("198.51.100.23").build()))).hasSize(1);
  }

  @Test
  void manySessionsAndAddresses_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new InstanceCredentialsOutsideDetector(
        new DetectorConfig(java.util.Map.of(InstanceCredentialsOutsideDetector.NAME,
            java.util.Map.of("max-open-episodes", "50")), "test"), INTEL));
    List<NormalizedEvent> events = new ArrayList<>();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      records.add(event().identity(instanceRole("r", String.format("i-%08x", i))).ip("45.61.136." + (i % 250))
          .time(String.format("2026-03-10T10:%02d:%02dZ", i / 60 % 60, i % 60)).json());
    }
    events.addAll(CloudTrailEvents.parse(records));
    List<Finding> f = small.run(events);

    assertThat(f).hasSize(2000);
    assertThat(small.lastRunner().stateSize()).isZero();
    assertThat(small.lastRunner().evicted()).isEqualTo(2000 - 50);
  }

  /** Two episodes of the same credentials two hours apart, the first with two calls. */
  private static List<NormalizedEvent> twoEpisodes() {
    return List.of(
        event().identity(INSTANCE).ip("45.61.136.20").time("2026-03-10T21:47:13Z").id("a").build(),
        event().identity(INSTANCE).ip("45.61.136.20").time("2026-03-10T21:47:25Z").id("b").build(),
        event().identity(INSTANCE).ip("45.61.136.20").time("2026-03-10T23:50:00Z").id("c").build());
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    assertThat(StreamReplay.assertStreamMatchesBatch(harness, twoEpisodes(), true)).hasSize(2);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, twoEpisodes());
  }

  @Test
  void advance_insideAnOpenEpisode_raisesNothing() {
    assertThat(StreamReplay.raisedByAdvance(harness, twoEpisodes(), Instant.parse("2026-03-11T00:49:59Z")))
        .isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, twoEpisodes(), Instant.parse("2026-03-11T00:50:00Z")))
        .singleElement().satisfies(x -> assertThat(x.evidence()).containsExactly("c"));
  }
}
