package dev.kumo.detector.compute;

import static dev.kumo.testing.CloudTrailEvents.event;
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
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComputeInNewRegionDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant DAY0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String ALICE = CloudTrailEvents.user("alice");
  private static final String DEPLOY = CloudTrailEvents.role("github-actions-deploy", "GitHubActions-771", "ASIADEPLOY");
  private static final String ASG = "{\"type\":\"AssumedRole\",\"principalId\":\"AROASLR:AutoScaling\",\"arn\":"
      + "\"arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling\",\"accountId\":"
      + "\"111122223333\",\"invokedBy\":\"autoscaling.amazonaws.com\"}";

  private final DetectorHarness harness = DetectorHarness.of(new ComputeInNewRegionDetector(DetectorConfig.DEFAULTS,
      INTEL));

  private static int ids;

  /** A successful RunInstances of {@code count} instances of {@code type}. */
  private static CloudTrailEvents runInstances(String identity, Instant time, String region, String type, int count) {
    return event().identity(identity).time(time.toString()).region(region).id("e" + (++ids))
        .call("ec2.amazonaws.com", "RunInstances")
        .request("{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0abc1234def567890\",\"minCount\":1,\"maxCount\":"
            + count + "}]},\"instanceType\":\"" + type + "\",\"disableApiTermination\":false}");
  }

  /** Twelve launches in us-east-1 and us-west-2 over ten days, by the deploy role and Auto Scaling. */
  private static List<NormalizedEvent> history() {
    List<NormalizedEvent> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant t = DAY0.plus(i * 20, ChronoUnit.HOURS);
      out.add(runInstances(i % 3 == 0 ? ASG : DEPLOY, t, i % 4 == 0 ? "us-west-2" : "us-east-1",
          "m5.large", 2).build());
    }
    return out;
  }

  private static Instant day(int d) {
    return DAY0.plus(d, ChronoUnit.DAYS);
  }

  private List<Finding> run(NormalizedEvent... more) {
    List<NormalizedEvent> events = history();
    events.addAll(List.of(more));
    return harness.run(events);
  }

  @Test
  void observe_ordinaryLaunchInNewRegionAfterLearning_firesMediumOnceWithReasonAndEvidence() {
    List<Finding> f = run(runInstances(ALICE, day(10), "eu-north-1", "t3.medium", 1).id("new").build());

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.techniques()).contains("T1496.001");
      assertThat(x.threats()).containsExactly("cryptomining");
      assertThat(x.evidence()).containsExactly("new");
      assertThat(x.event().id()).isEqualTo("new");
      assertThat(x.reason()).isEqualTo("account 111122223333 launched compute in eu-north-1, a region it had not "
          + "launched compute in (12 launches over 10d in us-west-2, us-east-1): 1 launch, 1 instance (t3.medium) "
          + "in 0s by user/alice (RunInstances)");
    });
  }

  @Test
  void observe_gpuVeryLargeOrManyInstancesInNewRegion_fireHigh() {
    List<Finding> gpu = run(runInstances(ALICE, day(10), "ap-south-1", "p3.16xlarge", 1).build());
    List<Finding> large = run(runInstances(ALICE, day(10), "ap-south-1", "c5.24xlarge", 1).build());
    List<Finding> many = run(runInstances(ALICE, day(10), "ap-south-1", "t3.micro", 25).build());
    List<Finding> sagemaker = run(event().identity(ALICE).time(day(10).toString()).region("ap-south-1")
        .call("sagemaker.amazonaws.com", "CreateNotebookInstance")
        .request("{\"notebookInstanceName\":\"nb\",\"instanceType\":\"ml.g5.12xlarge\",\"roleArn\":\"arn:aws:iam::"
            + "111122223333:role/sm\"}").build());

    assertThat(List.of(gpu, large, many, sagemaker)).allSatisfy(f -> assertThat(f).singleElement()
        .satisfies(x -> assertThat(x.level()).isEqualTo(Level.HIGH)));
    assertThat(gpu.get(0).reason()).contains("(p3.16xlarge), p3.16xlarge GPU/accelerated in");
    assertThat(large.get(0).reason()).contains("c5.24xlarge very large");
    assertThat(many.get(0).reason()).contains("1 launch, 25 instances (t3.micro)");
  }

  @Test
  void observe_laterLaunchesInTheWindow_joinTheFindingAndRaiseIt() {
    List<Finding> f = run(
        runInstances(ALICE, day(10), "sa-east-1", "t3.small", 1).id("a").build(),
        runInstances(ALICE, day(10).plusSeconds(600), "sa-east-1", "g4dn.xlarge", 4).id("b").build(),
        runInstances(ASG, day(10).plusSeconds(1200), "sa-east-1", "g4dn.xlarge", 8).id("c").build(),
        // after the window: the region is known now
        runInstances(ALICE, day(10).plusSeconds(7200), "sa-east-1", "p4d.24xlarge", 1).id("d").build());

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.evidence()).containsExactly("a", "b", "c");
      assertThat(x.reason()).contains("3 launches, 13 instances (t3.small, g4dn.xlarge), g4dn.xlarge GPU/accelerated "
          + "in 20m by user/alice (RunInstances)");
    });
  }

  @Test
  void observe_eachNewRegionOfABurst_firesOnce() {
    List<Finding> f = run(
        runInstances(ALICE, day(10), "ap-northeast-3", "c6i.xlarge", 1).build(),
        runInstances(ALICE, day(10).plusSeconds(30), "me-south-1", "c6i.xlarge", 1).build(),
        runInstances(ALICE, day(10).plusSeconds(60), "af-south-1", "c6i.xlarge", 1).build(),
        runInstances(ALICE, day(10).plusSeconds(90), "af-south-1", "c6i.xlarge", 1).build());

    assertThat(f).extracting(x -> x.event().region()).containsExactly("ap-northeast-3", "me-south-1", "af-south-1");
  }

  @Test
  void observe_launchesInKnownRegions_doNotFire() {
    assertThat(run(runInstances(ALICE, day(10), "us-east-1", "p3.16xlarge", 50).build(),
        runInstances(DEPLOY, day(11), "us-west-2", "m5.large", 1).build())).isEmpty();
  }

  @Test
  void observe_newRegionDuringLearningOrWithShortHistory_doesNotFire() {
    // the account's first launch was only three days earlier
    List<NormalizedEvent> young = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      young.add(runInstances(DEPLOY, DAY0.plus(i * 6, ChronoUnit.HOURS), "us-east-1", "m5.large", 1).build());
    }
    young.add(runInstances(ALICE, day(3), "eu-north-1", "p3.2xlarge", 1).build());
    // enough time, too few launches
    List<NormalizedEvent> quiet = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      quiet.add(runInstances(DEPLOY, DAY0.plus(i * 3, ChronoUnit.DAYS), "us-east-1", "m5.large", 1).build());
    }
    quiet.add(runInstances(ALICE, day(20), "eu-north-1", "p3.2xlarge", 1).build());

    assertThat(harness.run(young)).isEmpty();
    assertThat(harness.run(quiet)).isEmpty();
  }

  @Test
  void observe_failedOrServiceLaunchInNewRegion_doesNotFireAndServiceLaunchTeachesTheRegion() {
    assertThat(run(runInstances(ALICE, day(10), "eu-south-2", "p3.8xlarge", 10).error("Client.UnauthorizedOperation")
        .build(), runInstances(ALICE, day(10), "eu-south-2", "p3.8xlarge", 10).error("Client.DryRunOperation")
        .build())).isEmpty();
    assertThat(run(runInstances(ASG, day(10), "ca-central-1", "m5.large", 2).build(),
        runInstances(ALICE, day(10).plusSeconds(60), "ca-central-1", "m5.large", 1).build())).isEmpty();
  }

  @Test
  void observe_otherAccountsHistory_doesNotCount() {
    assertThat(run(runInstances(ALICE, day(10), "eu-north-1", "p3.2xlarge", 1).account("444455556666").build()))
        .isEmpty();
  }

  @Test
  void observe_otherComputeServicesAndNonLaunchCalls() {
    NormalizedEvent eks = event().identity(ALICE).time(day(10).toString()).region("eu-west-3")
        .call("eks.amazonaws.com", "CreateNodegroup")
        .request("{\"clusterName\":\"c\",\"nodegroupName\":\"ng\",\"instanceTypes\":[\"m6i.large\"],"
            + "\"scalingConfig\":{\"minSize\":1,\"maxSize\":40,\"desiredSize\":30}}").build();
    NormalizedEvent describe = event().identity(ALICE).time(day(10).toString()).region("eu-west-2")
        .call("ec2.amazonaws.com", "DescribeInstances").build();
    NormalizedEvent s3 = event().identity(ALICE).time(day(10).toString()).region("eu-west-1")
        .call("s3.amazonaws.com", "CreateCluster").build();

    List<Finding> f = run(eks, describe, s3);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.event().region()).isEqualTo("eu-west-3");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).contains("1 launch, 30 instances (m6i.large)").endsWith("(CreateNodegroup)");
    });
  }

  @Test
  void settings_shorterLearningAndHistory_fireEarlier() {
    ComputeInNewRegionDetector d = new ComputeInNewRegionDetector(new DetectorConfig(Map.of(
        ComputeInNewRegionDetector.NAME, Map.of("learning", "1d", "min-history", "2")), "test"), INTEL);
    List<NormalizedEvent> events = List.of(
        runInstances(DEPLOY, DAY0, "us-east-1", "m5.large", 1).build(),
        runInstances(DEPLOY, DAY0.plusSeconds(3600), "us-east-1", "m5.large", 1).build(),
        runInstances(ALICE, day(2), "eu-north-1", "m5.large", 1).build());

    assertThat(DetectorHarness.of(d).run(events)).hasSize(1);
    assertThat(harness.run(events)).isEmpty();
    assertThat(d.settings()).extracting(s -> s.name() + "=" + s.value())
        .containsExactly("learning=1d", "min-history=2", "window=1h", "many-instances=10", "max-accounts=10000");
  }

  @Test
  void manyAccountsAndJunkRegions_stateStaysWithinItsLimits() {
    DetectorHarness small = DetectorHarness.of(new ComputeInNewRegionDetector(new DetectorConfig(Map.of(
        ComputeInNewRegionDetector.NAME, Map.of("max-accounts", "50", "learning", "0s", "min-history", "1")),
        "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      records.add(runInstances(ALICE, DAY0.plusSeconds(i), "us-east-1", "t3.micro", 1)
          .account(String.format("%012d", 100_000_000_000L + i)).json());
    }
    // one account, a flood of made-up regions, each a new-region launch after the first
    for (int i = 0; i < 200; i++) {
      records.add(runInstances(ALICE, DAY0.plusSeconds(4000 + i * 4000L), "xx-junk-" + i, "t3.micro", 1).json());
    }
    List<Finding> f = small.run(CloudTrailEvents.parse(records));

    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(50);
    // 3,001 accounts seen, 50 kept; 200 junk regions, 64 kept
    assertThat(small.lastRunner().evicted()).isEqualTo(3001 - 50 + 200 - ComputeInNewRegionDetector.MAX_REGIONS);
    assertThat(f).hasSize(ComputeInNewRegionDetector.MAX_REGIONS - 1);
  }

  @Test
  void realLaunchRecords_stratusAndPanther_onlySuccessfulLaunchesByPrincipalsCanFire() throws Exception {
    List<NormalizedEvent> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs"))) {
      files.sorted().forEach(p -> events.addAll(SourceTesting.read(p).events()));
    }
    events.addAll(SourceTesting.read("panther.jsonl", SourceTesting.pantherLogsAsJsonLines(
        "tests_AWS.CloudTrail.jsonl.gz")).events());
    long launches = events.stream().filter(e -> ComputeLaunches.isLaunch(e.api().service(), e.api().operation()))
        .count();
    assertThat(launches).isGreaterThanOrEqualTo(5);

    // no account in these logs has a launch history: nothing to report
    assertThat(harness.run(events)).isEmpty();

    // without learning, each account's first successful launch by a principal in a region is reported; the failed
    // Stratus launch, the dry runs and the Auto Scaling launches never are
    DetectorHarness eager = DetectorHarness.of(new ComputeInNewRegionDetector(new DetectorConfig(Map.of(
        ComputeInNewRegionDetector.NAME, Map.of("learning", "0s", "min-history", "0")), "test"), INTEL));
    List<Finding> f = eager.run(events);
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.event().errorCode()).isNull();
      assertThat(x.event().principal()).doesNotContain("AWSServiceRoleFor");
    });
    assertThat(f).extracting(x -> x.event().account() + " " + x.event().region()).doesNotHaveDuplicates();
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenWindow() {
    List<NormalizedEvent> events = history();
    events.add(runInstances(ALICE, day(10), "sa-east-1", "t3.small", 1).id("a").build());
    events.add(runInstances(ALICE, day(10).plusSeconds(600), "sa-east-1", "g4dn.xlarge", 4).id("b").build());
    events.add(runInstances(ALICE, day(10).plusSeconds(7200), "sa-east-1", "p4d.24xlarge", 1).id("c").build());
    events.add(runInstances(ALICE, day(11), "eu-north-1", "t3.medium", 1).id("d").build());

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
    assertThat(StreamReplay.raisedByAdvance(harness, events, day(11).plusSeconds(3_599))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, day(11).plusSeconds(3_600))).hasSize(1);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<NormalizedEvent> events = history();
    events.add(runInstances(ALICE, day(10), "sa-east-1", "t3.small", 1).id("a").build());
    events.add(runInstances(ALICE, day(10).plusSeconds(7200), "sa-east-1", "p4d.24xlarge", 1).id("c").build());
    events.add(runInstances(ALICE, day(11), "eu-north-1", "t3.medium", 1).id("d").build());

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, events);
  }
}
