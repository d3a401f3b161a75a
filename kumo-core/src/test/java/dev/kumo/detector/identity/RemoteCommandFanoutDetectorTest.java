package dev.kumo.detector.identity;

import static dev.kumo.testing.CloudTrailEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemoteCommandFanoutDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant START = Instant.parse("2026-03-11T02:00:00Z");
  private static final String ALICE = CloudTrailEvents.user("alice");

  private final DetectorHarness harness = DetectorHarness.of(
      new RemoteCommandFanoutDetector(DetectorConfig.DEFAULTS, INTEL));

  private static String at(Duration d) {
    return START.plus(d).toString();
  }

  private static String instance(int i) {
    return String.format("i-0%016x", 0xabc000 + i);
  }

  private static String ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "\"" + instance(i) + "\"").collect(Collectors.joining(","));
  }

  private static String sendCommand(String identity, Duration t, String id, int from, int to) {
    return event().identity(identity).time(at(t)).id(id).call("ssm.amazonaws.com", "SendCommand")
        .request("{\"documentName\":\"AWS-RunShellScript\",\"instanceIds\":[" + ids(from, to) + "]}").json();
  }

  private static String startSession(String identity, Duration t, String id, int i) {
    return event().identity(identity).time(at(t)).id(id).call("ssm.amazonaws.com", "StartSession")
        .request("{\"target\":\"" + instance(i) + "\"}").json();
  }

  @Test
  void observe_oneUserReachesTenInstances_firesHighListingThem() {
    List<Finding> f = harness.run(CloudTrailEvents.parse(List.of(
        sendCommand(ALICE, Duration.ZERO, "c1", 0, 6),
        startSession(ALICE, Duration.ofMinutes(1), "s1", 6),
        startSession(ALICE, Duration.ofMinutes(2), "s2", 7),
        startSession(ALICE, Duration.ofMinutes(2).plusSeconds(5), "s3", 6),
        event().identity(ALICE).time(at(Duration.ofMinutes(3))).id("k1")
            .call("ec2-instance-connect.amazonaws.com", "SendSSHPublicKey")
            .request("{\"instanceId\":\"" + instance(8) + "\",\"instanceOSUser\":\"ec2-user\"}").json(),
        event().identity(ALICE).time(at(Duration.ofMinutes(3).plusSeconds(10))).id("k2")
            .call("ec2-instance-connect.amazonaws.com", "SendSerialConsoleSSHPublicKey")
            .request("{\"instanceId\":\"" + instance(9).toUpperCase().replace("I-", "i-") + "\",\"serialPort\":0}")
            .json())));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("user/alice ran commands or opened shells on 10 instances in 3m 10s "
          + "(SendCommand ×1, SendSSHPublicKey ×1, SendSerialConsoleSSHPublicKey ×1, StartSession ×3): "
          + IntStream.range(0, 10).mapToObj(RemoteCommandFanoutDetectorTest::instance)
          .collect(Collectors.joining(", ")));
      assertThat(x.evidence()).containsExactly("c1", "s1", "s2", "s3", "k1", "k2");
      assertThat(x.techniques()).contains("T1651", "T1021.008");
      assertThat(x.threats()).containsExactly("upstream-movement");
    });
  }

  @Test
  void observe_instanceIdTargetsCountButTagTargetsCannot() {
    String byIds = event().identity(ALICE).time(at(Duration.ZERO)).call("ssm.amazonaws.com", "SendCommand")
        .request("{\"documentName\":\"AWS-RunShellScript\",\"targets\":[{\"key\":\"InstanceIds\",\"values\":["
            + ids(0, 12) + "]}]}").json();
    String byTag = event().identity(CloudTrailEvents.user("bob")).time(at(Duration.ZERO))
        .call("ssm.amazonaws.com", "SendCommand")
        .request("{\"documentName\":\"AWS-RunShellScript\",\"targets\":[{\"key\":\"tag:PatchGroup\",\"values\":"
            + "[\"web\"]}]}").json();

    assertThat(harness.run(CloudTrailEvents.parse(List.of(byIds, byTag)))).singleElement()
        .satisfies(x -> assertThat(x.reason()).startsWith("user/alice ran commands or opened shells on 12 instances"));
  }

  @Test
  void observe_fewInstancesOrSlowWork_doNotFire() {
    List<String> records = new ArrayList<>();
    records.add(sendCommand(ALICE, Duration.ZERO, "few", 0, 9));
    // Bob opens a session on another instance every 70 minutes all day.
    String bob = CloudTrailEvents.user("bob");
    for (int i = 0; i < 14; i++) {
      records.add(startSession(bob, Duration.ofMinutes(70L * i), "b" + i, 100 + i));
    }
    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void observe_serviceCallsAndFailures_doNotCount() {
    String maintenance = CloudTrailEvents.role("nw-ssm-maintenance-role", "maintenance", "ASIAMW")
        .replace("\"sessionContext\":", "\"invokedBy\":\"ssm.amazonaws.com\",\"sessionContext\":");
    String denied = event().identity(ALICE).time(at(Duration.ofMinutes(1))).error("AccessDenied")
        .call("ssm.amazonaws.com", "SendCommand").request("{\"instanceIds\":[" + ids(0, 20) + "]}").json();

    assertThat(harness.run(CloudTrailEvents.parse(List.of(sendCommand(maintenance, Duration.ZERO, "m", 0, 50),
        denied)))).isEmpty();
  }

  @Test
  void observe_principalThatFannedOutBefore_isLowTheNextTime() {
    String deployer = CloudTrailEvents.role("fleet-deploy", "pipeline", "ASIADEPLOY");
    List<Finding> f = harness.run(CloudTrailEvents.parse(List.of(
        sendCommand(deployer, Duration.ZERO, "d1", 0, 30),
        sendCommand(deployer, Duration.ofDays(1), "d2", 0, 30))));

    assertThat(f).extracting(x -> x.rule().level()).containsExactly(Level.HIGH, Level.LOW);
    assertThat(f.get(1).reason()).endsWith("; it did so before, from 2026-03-11 02:00")
        .contains("30 instances").contains(", … (+20 more)");
  }

  @Test
  void thirtyDaysOfOperations_raiseNothing() {
    List<String> records = new ArrayList<>();
    String maintenance = CloudTrailEvents.role("nw-ssm-maintenance-role", "maintenance", "ASIAMW")
        .replace("\"sessionContext\":", "\"invokedBy\":\"ssm.amazonaws.com\",\"sessionContext\":");
    String ci = CloudTrailEvents.role("github-actions-deploy", "run", "ASIACI");
    for (int d = 0; d < 30; d++) {
      Duration day = Duration.ofDays(d);
      // Nightly patching of the fleet by the maintenance window.
      records.add(sendCommand(maintenance, day.plusHours(1), "mw" + d, 0, 60));
      // Deployments by tag.
      records.add(event().identity(ci).time(at(day.plusHours(8))).call("ssm.amazonaws.com", "SendCommand")
          .request("{\"documentName\":\"AWS-RunShellScript\",\"targets\":[{\"key\":\"tag:Role\",\"values\":"
              + "[\"web\"]}]}").json());
      // An operator looks at two or three hosts a day, and restarts a small cluster of four.
      for (int i = 0; i < 2 + d % 2; i++) {
        records.add(startSession(ALICE, day.plusHours(10).plusMinutes(15L * i), "op" + d + "-" + i, d * 3 + i));
      }
      records.add(sendCommand(ALICE, day.plusHours(11), "restart" + d, 500, 504));
    }
    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void manyPrincipals_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new RemoteCommandFanoutDetector(
        new DetectorConfig(Map.of(RemoteCommandFanoutDetector.NAME, Map.of("max-principals", "50")), "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      records.add(sendCommand(CloudTrailEvents.user("u" + i), Duration.ofSeconds(i), "p" + i, i, i + 12));
    }

    List<Finding> f = small.run(CloudTrailEvents.parse(records));

    assertThat(f).hasSize(2_000);
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(50 + 50);
    assertThat(small.lastRunner().evicted()).isGreaterThanOrEqualTo(2_000 - 50);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenWindow() {
    var events = CloudTrailEvents.parse(List.of(
        sendCommand(ALICE, Duration.ZERO, "c1", 0, 10),
        sendCommand(ALICE, Duration.ofHours(3), "c2", 10, 20),
        sendCommand(ALICE, Duration.ofHours(3).plusMinutes(5), "c3", 20, 22)));

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
    Instant last = START.plus(Duration.ofHours(3).plusMinutes(5));
    assertThat(StreamReplay.raisedByAdvance(harness, events, last.plusSeconds(3_599))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, last.plusSeconds(3_600))).singleElement()
        .satisfies(x -> assertThat(x.reason()).contains("on 12 instances").contains("it did so before"));
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, CloudTrailEvents.parse(List.of(
        sendCommand(ALICE, Duration.ZERO, "c1", 0, 10),
        sendCommand(ALICE, Duration.ofHours(3), "c2", 10, 20),
        sendCommand(ALICE, Duration.ofHours(3).plusMinutes(5), "c3", 20, 22))));
  }
}
