package dev.kumo.detector.storage;

import static dev.kumo.testing.CloudTrailEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.BuiltinDetectors;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.logging.CloudTrailLogIntegrityDetector;
import dev.kumo.detector.logging.LoggingSilenceDetector;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The log-tampering and data-theft detectors on the real logs in ../shared: Stratus Red Team
 * detonations (CloudTrail tampering), the sample events of Stratus's S3 ransomware techniques (which
 * have no detonation logs upstream: their documented event is replayed over many objects, as the
 * technique does), and Panther's CloudTrail test cases.
 */
class TamperingAndTheftOnSharedDataTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Set<String> NAMES = Set.of(CloudTrailLogIntegrityDetector.NAME, LoggingSilenceDetector.NAME,
      S3ReadVolumeDetector.NAME, S3DeleteVolumeDetector.NAME, S3CopyToForeignBucketDetector.NAME);
  private static final String STRATUS = "data/stratus-red-team-detonation-logs/";
  private static final String ATTACKER = CloudTrailEvents.role("stratus-red-team-ransomware", "aws-go-sdk-1722", "ASIAX");
  private static final Instant T0 = Instant.parse("2026-03-11T09:00:00Z");

  private static DetectorHarness group() {
    return DetectorHarness.of(BuiltinDetectors.create(DetectorConfig.DEFAULTS, INTEL).stream()
        .filter(d -> NAMES.contains(d.meta().name())).toArray(Detector[]::new));
  }

  @Test
  void builtins_registerEveryDetectorWithDocumentedDefaults() {
    List<Detector> ours = BuiltinDetectors.create(DetectorConfig.DEFAULTS, INTEL).stream()
        .filter(d -> NAMES.contains(d.meta().name())).toList();

    assertThat(ours).extracting(d -> d.meta().name()).containsExactlyInAnyOrderElementsOf(NAMES);
    for (Detector d : ours) {
      assertThat(d.settings()).allSatisfy(s -> assertThat(s.description()).as(d.meta().name() + " " + s.name())
          .contains("default " + s.defaultValue()));
      assertThat(d.meta().tags()).anyMatch(t -> t.startsWith("kumo.threat."));
    }
  }

  /** Minutes of detonation per technique: far too little history for baselines, so no finding is right. */
  @Test
  void stratusDetonations_alone_raiseNoFindings() throws IOException {
    List<NormalizedEvent> events = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedData.require(STRATUS + "detonation-logs"))) {
      for (Path p : s.sorted().toList()) {
        events.addAll(SourceTesting.read(p).events());
      }
    }

    assertThat(events).hasSizeGreaterThan(300);
    assertThat(group().run(events)).isEmpty();
  }

  /**
   * The real StopLogging of Stratus's cloudtrail-stop, in an account whose two regions logged for two
   * days: the stopped region then goes silent while the other goes on.
   */
  @Test
  void stratusCloudTrailStop_regionThatGoesSilentAfterwards_isReported() {
    NormalizedEvent stop = SourceTesting.read(SharedData.require(STRATUS
        + "detonation-logs/aws.defense-evasion.cloudtrail-stop.json")).events().get(0);
    assertThat(stop.api().operation()).isEqualTo("StopLogging");
    String account = stop.cloud().account();
    String region = stop.cloud().region();
    Instant stopped = stop.time();
    Instant from = stopped.minus(Duration.ofHours(48)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    // the stopped region logs until the 10-minute bucket of the StopLogging, which is its last event
    Instant lastBucket = Instant.ofEpochSecond(stopped.getEpochSecond() / 600 * 600);
    List<String> background = new ArrayList<>();
    for (Instant t = from; t.isBefore(stopped.plus(Duration.ofHours(6))); t = t.plus(Duration.ofMinutes(6))) {
      background.add(event().account(account).region("eu-west-1").time(t.toString())
          .call("ec2.amazonaws.com", "DescribeInstances").json());
      if (t.isBefore(lastBucket)) {
        background.add(event().account(account).region(region).time(t.toString())
            .call("sts.amazonaws.com", "GetCallerIdentity").json());
      }
    }
    List<NormalizedEvent> events = new ArrayList<>(CloudTrailEvents.parse(background));
    events.add(stop);

    List<Finding> f = group().run(events);

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleName()).isEqualTo(LoggingSilenceDetector.NAME);
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).startsWith("CloudTrail stream of account " + account + " in " + region
          + " logged nothing for ");
      assertThat(x.evidence()).containsExactly(stop.id());
    });
  }

  @Test
  void stratusClientSideEncryptionSample_replayedOverABucket_firesHigh() throws IOException {
    String doc = doc("aws.impact.s3-ransomware-client-side-encryption.md");
    String request = member(doc, "requestParameters");
    String resources = member(doc, "resources");
    assertThat(request).contains("x-amz-server-side-encryption-customer-algorithm");
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(event().identity(ATTACKER).account("012345678901").time(T0.plusSeconds(i).toString())
          .call("s3.amazonaws.com", "CopyObject").id("sse-c-" + i)
          .request(request.replace("target file.txt", "file-" + i + ".txt"))
          .extra("\"eventCategory\":\"Data\",\"resources\":" + resources.replace("target file.txt", "file-" + i
              + ".txt")).build());
    }

    assertThat(group().run(events)).singleElement().satisfies(x -> {
      assertThat(x.ruleName()).isEqualTo(S3CopyToForeignBucketDetector.NAME);
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("assumed-role/stratus-red-team-ransomware/aws-go-sdk-1722 rewrote 40 objects "
          + "of bucket target bucket with CopyObject encrypted with a customer-provided key (SSE-C: AWS keeps no "
          + "copy of the key) in 39s: file-0.txt, file-1.txt, file-2.txt, …");
    });
  }

  @Test
  void stratusIndividualDeletionSample_replayedOverABucket_firesForTheNewPrincipal() throws IOException {
    String doc = doc("aws.impact.s3-ransomware-individual-deletion.md");
    String request = member(doc, "requestParameters");
    String resources = member(doc, "resources");
    List<NormalizedEvent> events = new ArrayList<>(housekeeping());
    for (int i = 0; i < 300; i++) {
      events.add(event().identity(ATTACKER).account("012345678901").time(T0.plusSeconds(i * 5L).toString())
          .call("s3.amazonaws.com", "DeleteObject").id("del-" + i)
          .request(request.replace("target-object-key", "obj-" + i))
          .extra("\"eventCategory\":\"Data\",\"resources\":" + resources.replace("target-object-key", "obj-" + i))
          .build());
    }

    assertThat(group().run(events)).singleElement().satisfies(x -> {
      assertThat(x.ruleName()).isEqualTo(S3DeleteVolumeDetector.NAME);
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).startsWith("role/stratus-red-team-ransomware deleted 300 objects between "
          + "2026-03-11T09:00 and 10:00 UTC (bucket target-bucket) with no baseline: no such calls in the previous 7d");
    });
  }

  @Test
  void stratusBatchDeletionSample_replayed_isCountedAsBatchCallsAndFires() throws IOException {
    String doc = doc("aws.impact.s3-ransomware-batch-deletion.md");
    String request = member(doc, "requestParameters");
    assertThat(S3DeleteVolumeDetector.listedKeys((JsonObject) JsonTreeReader.lenient().read(request))).isZero();
    List<NormalizedEvent> events = new ArrayList<>(housekeeping());
    for (int i = 0; i < 30; i++) {
      events.add(event().identity(ATTACKER).account("012345678901").time(T0.plusSeconds(i * 20L).toString())
          .call("s3.amazonaws.com", "DeleteObjects").id("batch-" + i).request(request)
          .extra("\"eventCategory\":\"Data\",\"resources\":" + member(doc, "resources")).build());
    }

    assertThat(group().run(events)).singleElement().satisfies(x -> assertThat(x.reason()).startsWith(
        "role/stratus-red-team-ransomware sent 30 DeleteObjects calls (keys not recorded, up to 1,000 "
            + "objects each)"));
  }

  @Test
  void pantherCloudTrailCases_onlyThePantherS3CopyPositivesFire() throws IOException {
    var cases = SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz");
    var read = SourceTesting.read("panther.jsonl", SourceTesting.pantherLogsAsJsonLines(
        "tests_AWS.CloudTrail.jsonl.gz"));
    List<Finding> f = group().run(read.events());

    assertThat(read.events()).hasSizeGreaterThan(400);
    assertThat(f).extracting(Finding::ruleName).containsOnly(S3CopyToForeignBucketDetector.NAME);
    assertThat(f).hasSize((int) cases.stream()
        .filter(c -> c.expected() && S3CopyToForeignBucketDetectorTest.PANTHER_RULES.contains(c.ruleId())).count());
  }

  /** A few deletions by a clean-up role two days earlier: the data starts before the attack. */
  private static List<NormalizedEvent> housekeeping() {
    String cleanup = CloudTrailEvents.role("log-cleanup", "run-9", "ASIACLEAN");
    return CloudTrailEvents.parse(S3TestEvents.deletes(cleanup, "nw-tmp", T0.minus(Duration.ofDays(2)), 3));
  }

  private static String doc(String name) throws IOException {
    return Files.readString(SharedData.require(STRATUS + "technique-docs/AWS/" + name));
  }

  /** The JSON value of the first {@code "name": {...}} or {@code [...]} member in a document's sample. */
  private static String member(String text, String name) {
    int at = text.indexOf("\"" + name + "\":");
    assertThat(at).as(name).isNotNegative();
    int start = at + name.length() + 3;
    while (Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return text.substring(start, i + 1);
      }
    }
    throw new AssertionError("unbalanced " + name);
  }
}
