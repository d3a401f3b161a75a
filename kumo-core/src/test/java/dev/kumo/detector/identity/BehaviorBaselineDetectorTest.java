package dev.kumo.detector.identity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviorBaselineDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  private static final String CLI = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64";
  private static final String KALI_BOTO = "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#6.6.9-amd64 "
      + "md/distrib#kali.2024 lang/python#3.11.8";
  private static final String ALICE = CloudTrailEvents.user("alice");

  private static BehaviorBaselineDetector detector(Map<String, String> settings) {
    return new BehaviorBaselineDetector(new DetectorConfig(Map.of(BehaviorBaselineDetector.NAME, settings), "test"),
        INTEL);
  }

  private final DetectorHarness harness = DetectorHarness.of(detector(Map.of()));

  /** Alice's routine: ten calls a working day from the office, with the CLI, in us-east-1. */
  private static List<String> routine(String identity, int days) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < 10; i++) {
        Instant t = START.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(30L * i));
        out.add(event().identity(identity).time(t.toString()).ip("203.0.113." + (10 + i % 3)).userAgent(CLI)
            .call(i % 2 == 0 ? "s3.amazonaws.com" : "ec2.amazonaws.com", i % 2 == 0 ? "PutObject" : "CreateTags")
            .json());
      }
    }
    return out;
  }

  private static String at(Duration sinceStart) {
    return START.plus(sinceStart).toString();
  }

  @Test
  void observe_stolenKeyUsedFromNewPlaceWithNewToolForNewThings_raisesOneMediumListingThem() {
    List<String> records = routine(ALICE, 9);
    Duration day10 = Duration.ofDays(9).plusHours(13);
    records.add(event().identity(ALICE).time(at(day10)).id("n1").ip("45.61.136.20").userAgent(KALI_BOTO)
        .region("ap-southeast-3").call("ec2.amazonaws.com", "RunInstances").json());
    records.add(event().identity(ALICE).time(at(day10.plusMinutes(2))).id("n2").ip("45.61.136.20")
        .userAgent(KALI_BOTO).region("ap-southeast-3").call("ec2.amazonaws.com", "CreateSecurityGroup").json());

    List<Finding> f = harness.run(CloudTrailEvents.parse(records));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("4 new dimensions for user/alice within 2m (baseline 9d 13h, 90 events): "
          + "region ap-southeast-3, network 45.61.136.0/24 (no listed owner), user agent boto3@kali, "
          + "API ec2:RunInstances, ec2:CreateSecurityGroup");
      assertThat(x.evidence()).containsExactly("n1", "n2");
      assertThat(x.techniques()).contains("T1078.004");
      assertThat(x.threats()).containsExactly("upstream-movement");
    });
  }

  @Test
  void observe_oneNewDimensionAfterLearning_isLow() {
    List<String> records = routine(ALICE, 9);
    records.add(event().identity(ALICE).time(at(Duration.ofDays(9).plusHours(1))).id("r1").ip("203.0.113.10")
        .userAgent(CLI).region("eu-west-1").call("s3.amazonaws.com", "PutObject").json());

    List<Finding> f = harness.run(CloudTrailEvents.parse(records));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).isEqualTo("new for user/alice (baseline 9d 1h, 90 events): region eu-west-1");
      assertThat(x.evidence()).containsExactly("r1");
    });
  }

  @Test
  void observe_noveltiesWhileLearning_doNotFire() {
    // Seen for long enough but with too few events, then with enough events but not for long enough.
    List<String> records = new ArrayList<>();
    for (int d = 0; d < 20; d += 4) {
      records.add(event().identity(ALICE).time(at(Duration.ofDays(d))).ip("198.51.100." + d).json());
    }
    records.add(event().identity(ALICE).time(at(Duration.ofDays(21))).ip("45.61.136.20").userAgent(KALI_BOTO)
        .region("ap-southeast-3").call("iam.amazonaws.com", "CreateUser").json());
    String bob = CloudTrailEvents.user("bob");
    records.addAll(routine(bob, 3));
    records.add(event().identity(bob).time(at(Duration.ofDays(4))).ip("45.61.136.20").userAgent(KALI_BOTO)
        .region("ap-southeast-3").call("iam.amazonaws.com", "CreateUser").json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void observe_callsByServicesForThePrincipal_areIgnored() {
    List<String> records = routine(ALICE, 9);
    String onBehalf = ALICE.replace("\"userName\":", "\"invokedBy\":\"cloudformation.amazonaws.com\",\"userName\":");
    records.add(event().identity(onBehalf).time(at(Duration.ofDays(9).plusHours(1))).ip("cloudformation.amazonaws.com")
        .userAgent("cloudformation.amazonaws.com").region("eu-west-1").call("iam.amazonaws.com", "CreateRole").json());
    records.add(event().identity("{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}")
        .time(at(Duration.ofDays(9).plusHours(2))).ip("ec2.amazonaws.com").region("ap-southeast-3")
        .call("sts.amazonaws.com", "AssumeRole").json());

    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void observe_newSessionsOfAKnownRole_areNotNovel() {
    List<String> records = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      for (int i = 0; i < 8; i++) {
        String session = CloudTrailEvents.role("deploy", "run-" + d + "-" + i, "ASIA" + d + "X" + i);
        records.add(event().identity(session).time(at(Duration.ofDays(d).plusMinutes(i))).ip("203.0.113.45")
            .userAgent("aws-sdk-java/2.20." + d + " Linux/5.10").call("ecs.amazonaws.com", "UpdateService").json());
      }
    }
    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  @Test
  void thirtyDaysOfRoutineAndCiRolesWithManyAddresses_raiseNoMediumFindings() {
    List<String> records = new ArrayList<>(routine(ALICE, 30));
    String bob = CloudTrailEvents.user("bob");
    for (int d = 0; d < 30; d++) {
      // Bob reads and writes from the office, a VPN and home, on some days with the console.
      for (int i = 0; i < 6; i++) {
        String ip = switch ((d + i) % 3) {
          case 0 -> "203.0.113.45";
          case 1 -> "203.0.113.180";
          default -> "198.51.100.211";
        };
        records.add(event().identity(bob).time(at(Duration.ofDays(d).plusHours(i))).ip(ip)
            .userAgent(d % 5 == 0 ? "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15"
                : "aws-cli/2." + (13 + d / 10) + ".0 Python/3.11.6 Darwin/23.4.0")
            .call("lambda.amazonaws.com", i % 2 == 0 ? "UpdateFunctionCode20150331v2" : "GetFunction").json());
      }
      // A hosted CI runner: every run from another Azure address; a self-hosted runner pool on
      // changing ISP addresses; both deploying the same way.
      for (int run = 0; run < 5; run++) {
        String azure = "4." + (144 + run) + "." + (d * 7 % 250) + "." + (run * 41 % 250 + 1);
        String isp = "100." + (run + d % 7) + "." + (d * 11 % 250) + ".7";
        for (String ip : List.of(azure, isp)) {
          String session = CloudTrailEvents.role(ip.startsWith("4.") ? "github-deploy" : "runner-deploy",
              "GitHubActions-" + d + "-" + run, "ASIACI" + d + run);
          for (String op : List.of("RegisterTaskDefinition", "UpdateService", "DescribeServices")) {
            records.add(event().identity(session).time(at(Duration.ofDays(d).plusHours(9 + run).plusMinutes(1)))
                .ip(ip).userAgent("aws-sdk-js/3.5" + (d % 3) + "0.0 ua/2.0 os/linux#6.5 lang/js md/nodejs#20.11")
                .call("ecs.amazonaws.com", op).json());
          }
        }
      }
    }

    // The roaming runner's addresses are weak novelties: only a new region makes a finding, which
    // lists the new address too.
    records.add(event().identity(CloudTrailEvents.role("runner-deploy", "GitHubActions-x", "ASIACIX"))
        .time(at(Duration.ofDays(30))).id("region").ip("100.12.1.7").region("eu-central-1")
        .userAgent("aws-sdk-js/3.520.0 ua/2.0 os/linux#6.5 lang/js md/nodejs#20.11")
        .call("ecs.amazonaws.com", "UpdateService").json());

    List<Finding> f = harness.run(CloudTrailEvents.parse(records));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).startsWith("new for role/runner-deploy").endsWith(
          ": region eu-central-1, network 100.12.1.0/24 (no listed owner)");
    });
  }

  @Test
  void combiningObservations_doesNotChangeFindings() {
    List<String> records = routine(ALICE, 9);
    records.add(event().identity(ALICE).time(at(Duration.ofDays(9).plusHours(1))).ip("45.61.136.20")
        .userAgent(KALI_BOTO).region("ap-southeast-3").call("ec2.amazonaws.com", "RunInstances").json());
    List<NormalizedEvent> events = CloudTrailEvents.parse(records);

    List<String> combined = harness.run(events).stream().map(Finding::reason).toList();
    List<String> uncombined = DetectorHarness.withCombinerCapacity(1, detector(Map.of())).run(events).stream()
        .map(Finding::reason).toList();

    assertThat(combined).hasSize(1).isEqualTo(uncombined);
  }

  @Test
  void saturatedDimension_stopsReportingForThatPrincipal() {
    // After learning (one network known), every two hours another /24: values 2..9 are reported,
    // the tenth fills the dimension, and nothing after it is.
    DetectorHarness small = DetectorHarness.of(detector(Map.of("max-values", "10")));
    List<String> records = routine(ALICE, 9).stream().map(r -> r.replaceAll("203\\.0\\.113\\.1[0-2]", "203.0.113.10"))
        .toList();
    List<String> all = new ArrayList<>(records);
    for (int i = 0; i < 40; i++) {
      all.add(event().identity(ALICE).time(at(Duration.ofDays(10).plusHours(2L * i))).ip("198.18." + i + ".5")
          .userAgent(CLI).call("s3.amazonaws.com", "PutObject").json());
    }

    List<Finding> f = small.run(CloudTrailEvents.parse(all));

    assertThat(f).hasSize(10 - 1 - 1).allSatisfy(x -> assertThat(x.reason()).contains("network 198.18."));
  }

  @Test
  void manyPrincipalsAndValues_stateStaysWithinItsLimits() {
    DetectorHarness small = DetectorHarness.of(detector(Map.of("max-principals", "100", "max-total-values", "300")));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(event().identity(CloudTrailEvents.user("u" + i)).time(at(Duration.ofSeconds(i)))
          .ip("198.18." + (i % 250) + ".1").region(i % 2 == 0 ? "us-east-1" : "eu-west-1")
          .call("s3.amazonaws.com", "PutObject").json());
    }

    small.run(CloudTrailEvents.parse(records));

    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(100);
    assertThat(small.lastRunner().evicted()).isGreaterThanOrEqualTo(3_000 - 100);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenBurst() {
    List<String> records = routine(ALICE, 11);
    records.add(event().identity(ALICE).time(at(Duration.ofDays(9).plusHours(1))).id("r1").ip("203.0.113.10")
        .userAgent(CLI).region("eu-west-1").call("s3.amazonaws.com", "PutObject").json());
    Duration late = Duration.ofDays(10).plusHours(13);
    records.add(event().identity(ALICE).time(at(late)).id("n1").ip("45.61.136.20").userAgent(KALI_BOTO)
        .region("ap-southeast-3").call("ec2.amazonaws.com", "RunInstances").json());
    records.add(event().identity(ALICE).time(at(late.plusMinutes(2))).id("n2").ip("45.61.136.20")
        .userAgent(KALI_BOTO).region("ap-southeast-3").call("ec2.amazonaws.com", "CreateSecurityGroup").json());
    List<NormalizedEvent> events = CloudTrailEvents.parse(records);

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
    assertThat(StreamReplay.raisedByAdvance(harness, events, START.plus(late).plusSeconds(3_599))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, START.plus(late).plusSeconds(3_600)))
        .singleElement().satisfies(x -> assertThat(x.evidence()).containsExactly("n1", "n2"));
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<String> records = routine(ALICE, 11);
    Duration late = Duration.ofDays(10).plusHours(13);
    records.add(event().identity(ALICE).time(at(late)).id("n1").ip("45.61.136.20").userAgent(KALI_BOTO)
        .region("ap-southeast-3").call("ec2.amazonaws.com", "RunInstances").json());
    records.add(event().identity(ALICE).time(at(late.plusMinutes(2))).id("n2").ip("45.61.136.20")
        .userAgent(KALI_BOTO).region("ap-southeast-3").call("ec2.amazonaws.com", "CreateSecurityGroup").json());

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, CloudTrailEvents.parse(records));
  }
}
