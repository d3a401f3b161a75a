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
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostRoleNewControlPlaneApiDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant START = Instant.parse("2026-03-10T00:01:00Z");
  private static final String WEB = instanceRole("webapp-ec2-role", "i-0a1b2c3d4e5f60718");
  private static final String NAT = "44.213.87.19";

  private static HostRoleNewControlPlaneApiDetector detector(Map<String, String> settings) {
    return new HostRoleNewControlPlaneApiDetector(
        new DetectorConfig(Map.of(HostRoleNewControlPlaneApiDetector.NAME, settings), "test"), INTEL);
  }

  private final DetectorHarness harness = DetectorHarness.of(detector(Map.of()));

  private static String at(Duration d) {
    return START.plus(d).toString();
  }

  /** The web server's day: its DB secret and parameters every six hours, and uploads every hour. */
  private static List<String> routine(String identity, int days) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      for (int h = 0; h < 24; h++) {
        Duration t = Duration.ofDays(d).plusHours(h);
        if (h % 6 == 0) {
          out.add(event().identity(identity).time(at(t)).ip(NAT).call("secretsmanager.amazonaws.com",
              "GetSecretValue").json());
          out.add(event().identity(identity).time(at(t.plusSeconds(1))).ip(NAT).call("kms.amazonaws.com", "Decrypt")
              .json());
          out.add(event().identity(identity).time(at(t.plusSeconds(2))).ip(NAT).call("ssm.amazonaws.com",
              "GetParameters").json());
        }
        out.add(event().identity(identity).time(at(t.plusMinutes(20))).ip(NAT).call("s3.amazonaws.com", "PutObject")
            .json());
      }
    }
    return out;
  }

  @Test
  void observe_instanceRoleStartsManagingIdentitiesAndHosts_firesOnceListingTheNewApis() {
    List<String> records = routine(WEB, 2);
    Duration night = Duration.ofDays(2).plusHours(2);
    records.add(event().identity(WEB).time(at(night)).id("a").ip("45.61.136.20").call("ssm.amazonaws.com",
        "SendCommand").json());
    records.add(event().identity(WEB).time(at(night.plusMinutes(5))).id("b").ip("45.61.136.20")
        .call("iam.amazonaws.com", "ListRolePolicies").error("AccessDenied").json());
    records.add(event().identity(WEB).time(at(night.plusMinutes(10))).id("c").ip("45.61.136.20")
        .call("iam.amazonaws.com", "CreateUser").json());
    records.add(event().identity(WEB).time(at(night.plusMinutes(11))).id("d").ip("45.61.136.20")
        .call("iam.amazonaws.com", "CreateUser").json());
    // Known control-plane calls stay quiet.
    records.add(event().identity(WEB).time(at(night.plusMinutes(12))).id("e").ip(NAT)
        .call("secretsmanager.amazonaws.com", "GetSecretValue").json());

    List<Finding> f = harness.run(CloudTrailEvents.parse(records));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("instance role role/webapp-ec2-role (seen since 2026-03-10 00:01) called 3 "
          + "control-plane APIs it had not used before: ssm:SendCommand, iam:ListRolePolicies (AccessDenied), "
          + "iam:CreateUser; by assumed-role/webapp-ec2-role/i-0a1b2c3d4e5f60718 from 45.61.136.20");
      assertThat(x.evidence()).containsExactly("a", "b", "c");
      assertThat(x.techniques()).contains("T1078.004");
      assertThat(x.threats()).containsExactly("upstream-movement");
    });
  }

  @Test
  void observe_roleWhoseFirstActivityIsAControlPlaneCall_learnsIt() {
    // Never seen before: its first calls are the learning period, so they are not reported, and
    // neither are repeats after it.
    List<String> records = new ArrayList<>();
    records.add(event().identity(WEB).time(at(Duration.ZERO)).ip("45.61.136.20").call("iam.amazonaws.com",
        "CreateUser").json());
    records.addAll(routine(WEB, 3));
    records.add(event().identity(WEB).time(at(Duration.ofDays(3))).ip("45.61.136.20").call("iam.amazonaws.com",
        "CreateUser").json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void observe_newApiBeforeEnoughHistory_isNotJudged() {
    // Seen for days, but only a handful of calls: not enough to know what it usually does.
    List<String> records = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      records.add(event().identity(WEB).time(at(Duration.ofDays(d))).ip(NAT).call("s3.amazonaws.com", "PutObject")
          .json());
    }
    records.add(event().identity(WEB).time(at(Duration.ofDays(5))).ip(NAT).call("iam.amazonaws.com", "CreateUser")
        .json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void observe_provisioningRoleThatUsedManyControlPlaneApis_isLow() {
    String runner = instanceRole("jenkins-terraform", "i-0123456789abcdef0");
    List<String> records = new ArrayList<>(routine(runner, 2));
    String[] learned = {"CreateRole", "AttachRolePolicy", "PutRolePolicy", "TagRole", "GetRole", "ListRolePolicies",
        "CreatePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "PassRole"};
    for (int i = 0; i < learned.length; i++) {
      records.add(event().identity(runner).time(at(Duration.ofHours(3).plusMinutes(i))).ip(NAT)
          .call("iam.amazonaws.com", learned[i]).json());
    }
    records.add(event().identity(runner).time(at(Duration.ofDays(2).plusHours(10))).ip(NAT)
        .call("iam.amazonaws.com", "CreateOpenIDConnectProvider").json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).contains("iam:CreateOpenIDConnectProvider")
          .endsWith("(the role used 11 control-plane APIs while learned: automation)");
    });
  }

  @Test
  void observe_otherRolesAndServiceCalls_doNotCount() {
    String person = CloudTrailEvents.role("ops", "alice", "ASIAALICE");
    String onBehalf = WEB.replace("\"sessionContext\":", "\"invokedBy\":\"cloudformation.amazonaws.com\",\"sessionContext\":");
    List<String> records = new ArrayList<>(routine(WEB, 2));
    records.addAll(routine(person, 2));
    records.add(event().identity(person).time(at(Duration.ofDays(2).plusHours(1))).call("iam.amazonaws.com",
        "CreateUser").json());
    records.add(event().identity(onBehalf).time(at(Duration.ofDays(2).plusHours(1))).ip("cloudformation.amazonaws.com")
        .call("iam.amazonaws.com", "CreateRole").json());
    // Not control plane: an instance role reading a new bucket.
    records.add(event().identity(WEB).time(at(Duration.ofDays(2).plusHours(2))).ip(NAT)
        .call("s3.amazonaws.com", "GetObject").json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void thirtyDaysOfRoutine_raiseNothing() {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      records.addAll(routine(instanceRole("webapp-ec2-role", String.format("i-%017x", i)), 30));
    }
    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void combiningObservations_doesNotChangeFindings() {
    List<String> records = routine(WEB, 2);
    records.add(event().identity(WEB).time(at(Duration.ofDays(2).plusHours(2))).ip("45.61.136.20")
        .call("iam.amazonaws.com", "CreateUser").json());
    List<NormalizedEvent> events = CloudTrailEvents.parse(records);

    List<String> combined = harness.run(events).stream().map(Finding::reason).toList();
    List<String> uncombined = DetectorHarness.withCombinerCapacity(1, detector(Map.of())).run(events).stream()
        .map(Finding::reason).toList();

    assertThat(combined).hasSize(1).isEqualTo(uncombined);
  }

  @Test
  void manyRoles_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(detector(Map.of("max-roles", "50")));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      records.add(event().identity(instanceRole("role-" + i, String.format("i-%08x", i)))
          .time(at(Duration.ofSeconds(i))).ip(NAT).call("iam.amazonaws.com", "CreateUser").json());
    }

    assertThat(small.run(CloudTrailEvents.parse(records))).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(50);
    assertThat(small.lastRunner().evicted()).isEqualTo(2_000 - 50);
  }

  /** Three days of routine; new APIs in the second night, and again in the third day's afternoon. */
  private static List<NormalizedEvent> twoEpisodes() {
    List<String> records = routine(WEB, 3);
    Duration night = Duration.ofDays(2).plusHours(2);
    records.add(event().identity(WEB).time(at(night)).id("a").ip("45.61.136.20").call("ssm.amazonaws.com",
        "SendCommand").json());
    records.add(event().identity(WEB).time(at(night.plusMinutes(10))).id("b").ip("45.61.136.20")
        .call("iam.amazonaws.com", "CreateUser").json());
    records.add(event().identity(WEB).time(at(Duration.ofDays(2).plusHours(23).plusMinutes(30))).id("c")
        .ip("45.61.136.20").call("ec2.amazonaws.com", "RunInstances").json());
    return CloudTrailEvents.parse(records);
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
    Instant last = StreamReplay.lastTime(harness, twoEpisodes());
    assertThat(StreamReplay.raisedByAdvance(harness, twoEpisodes(), last.plus(Duration.ofMinutes(59)))).isEmpty();
  }
}
