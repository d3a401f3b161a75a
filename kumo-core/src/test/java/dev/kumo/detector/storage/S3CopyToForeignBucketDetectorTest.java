package dev.kumo.detector.storage;

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
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3CopyToForeignBucketDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final String PROD = "111122223333";
  private static final String DEV = "444455556666";
  private static final String OUTSIDE = "999988887777";
  private static final String ATTACKER = CloudTrailEvents.user("svc-backup-sync");

  private final DetectorHarness harness = DetectorHarness.of(new S3CopyToForeignBucketDetector(DetectorConfig.DEFAULTS,
      INTEL));

  /** A CopyObject as CloudTrail records it: source and destination objects and buckets with their owners. */
  private static CloudTrailEvents copy(String source, String sourceOwner, String dest, String destOwner, String key,
      String time) {
    return event().identity(ATTACKER).account(PROD).time(time).call("s3.amazonaws.com", "CopyObject")
        .request("{\"bucketName\":\"" + dest + "\",\"Host\":\"" + dest + ".s3.amazonaws.com\",\"key\":\"" + key
            + "\",\"x-amz-copy-source\":\"" + source + "/" + key + "\"}")
        .extra("\"eventCategory\":\"Data\",\"resources\":["
            + "{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::" + source + "/" + key + "\"},"
            + "{\"accountId\":\"" + sourceOwner + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::" + source
            + "\"},{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::" + dest + "/" + key + "\"},"
            + "{\"accountId\":\"" + destOwner + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::" + dest
            + "\"}]");
  }

  @Test
  void copiesIntoABucketOfAnAccountWithoutLogs_fireHighOncePerEpisode() {
    List<Finding> f = harness.run(List.of(
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-eu.csv", "2026-03-11T03:10:00Z")
            .id("c1").build(),
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-us.csv", "2026-03-11T03:12:30Z")
            .id("c2").build()));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("user/svc-backup-sync copied 2 objects from bucket nw-customer-exports (account "
          + "111122223333) to bucket exfil-drop-77 of account 999988887777 (an account with no logs in this hunt) in "
          + "2m 30s: customers-eu.csv, customers-us.csv");
      assertThat(x.evidence()).containsExactly("c1", "c2");
      assertThat(x.techniques()).contains("T1537");
      assertThat(x.threats()).contains("data-theft");
    });
  }

  @Test
  void copyIntoAnotherAccountOfTheseLogs_isLow() {
    List<Finding> f = harness.run(List.of(
        event().account(DEV).time("2026-03-11T01:00:00Z").build(),
        copy("nw-prod-data", PROD, "nw-dev-fixtures", DEV, "sample.csv", "2026-03-11T03:10:00Z").build()));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).contains("to bucket nw-dev-fixtures of account 444455556666 (another account in these logs)");
    });
  }

  @Test
  void copiesWithinAnAccountOrIntoIt_doNotFire() {
    assertThat(harness.run(List.of(
        copy("nw-prod-data", PROD, "nw-prod-archive", PROD, "a.csv", "2026-03-11T03:10:00Z").build(),
        copy("vendor-feed", OUTSIDE, "nw-prod-inbox", PROD, "feed.csv", "2026-03-11T03:11:00Z").build(),
        copy("nw-prod-data", PROD, "exfil", OUTSIDE, "a.csv", "2026-03-11T03:12:00Z").error("AccessDenied")
            .build()))).isEmpty();
  }

  @Test
  void accessPointSourceAndUploadPartCopy_areUnderstood() {
    String ap = "arn:aws:s3:us-east-1:" + PROD + ":accesspoint/exports/object/big.tar";
    var e = event().identity(ATTACKER).account(PROD).call("s3.amazonaws.com", "UploadPartCopy")
        .request("{\"bucketName\":\"exfil-drop-77\",\"key\":\"big.tar\",\"partNumber\":\"3\",\"uploadId\":\"u1\","
            + "\"x-amz-copy-source\":\"" + ap.replace(":", "%3A").replace("/", "%2F") + "\"}")
        .extra("\"resources\":[{\"accountId\":\"" + OUTSIDE + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":"
            + "\"arn:aws:s3:::exfil-drop-77\"}]").build();

    assertThat(harness.run(List.of(e))).singleElement().satisfies(x -> assertThat(x.reason()).contains(
        "from bucket accesspoint/exports (account 111122223333) to bucket exfil-drop-77 of account 999988887777"));
  }

  /** Panther's rules for the same behaviour: cross-account copies, SSE-C copies, copies with another account's KMS key. */
  static final java.util.Set<String> PANTHER_RULES = java.util.Set.of("AWS.S3.CopyObjectToExternalAccountBucket",
      "AWS.S3.CopyObjectWithClientSideEncryption", "AWS.S3.CopyObject.CrossAccount.Encryption.KMS");

  @Test
  void pantherCopyRules_positivesFireNegativesDoNot() throws IOException {
    var cases = SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz").stream()
        .filter(c -> PANTHER_RULES.contains(c.ruleId())).toList();
    assertThat(cases).hasSize(6);
    for (var c : cases) {
      var read = SourceTesting.read("panther.jsonl", (c.log().toJson() + "\n").getBytes(StandardCharsets.UTF_8));
      assertThat(harness.run(read.events())).as(c.testName()).hasSize(c.expected() ? 1 : 0);
    }
  }

  @Test
  void allPantherCloudTrailCases_onlyThePositivesOfTheSameRulesFire() throws IOException {
    var read = SourceTesting.read("panther.jsonl", SourceTesting.pantherLogsAsJsonLines(
        "tests_AWS.CloudTrail.jsonl.gz"));

    List<Finding> f = harness.run(read.events());
    assertThat(f).extracting(Finding::reason).satisfiesExactlyInAnyOrder(
        r -> assertThat(r).contains("to bucket attacker-exfil-1764604156 of account 111111111111"),
        r -> assertThat(r).contains("with CopyObject encrypted with a customer-provided key (SSE-C"),
        r -> assertThat(r).contains("with CopyObject encrypted with a KMS key of account 999999999999"));
    // one event each, and the Panther cases give account 999999999999 logs of its own: all low
    assertThat(f).extracting(Finding::level).containsOnly(Level.LOW);
  }

  /** A CopyObject rewriting an object in place with extra request headers (encryption). */
  private static CloudTrailEvents rewrite(String bucket, String key, String headers, String time) {
    return event().identity(ATTACKER).account(PROD).time(time).call("s3.amazonaws.com", "CopyObject")
        .request("{\"bucketName\":\"" + bucket + "\",\"key\":\"" + key + "\",\"x-amz-copy-source\":\"" + bucket + "/"
            + key + "\"," + headers + "}")
        .extra("\"eventCategory\":\"Data\",\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::"
            + bucket + "/" + key + "\"},{\"accountId\":\"" + PROD + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":"
            + "\"arn:aws:s3:::" + bucket + "\"}]");
  }

  private static List<NormalizedEvent> rewrites(int n, String headers) {
    List<NormalizedEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(rewrite("nw-invoices", "inv-" + i + ".pdf", headers, String.format("2026-03-11T04:00:%02dZ", i))
          .id("r" + i).build());
    }
    return out;
  }

  private static final String SSE_C = "\"x-amz-server-side-encryption-customer-algorithm\":\"AES256\"";

  private static String kms(String account) {
    return "\"x-amz-server-side-encryption\":\"aws:kms\",\"x-amz-server-side-encryption-aws-kms-key-id\":"
        + "\"arn:aws:kms:us-east-1:" + account + ":key/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab\"";
  }

  @Test
  void objectsRewrittenInPlaceWithSseC_fireHigh() {
    List<Finding> f = harness.run(rewrites(12, SSE_C));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("user/svc-backup-sync rewrote 12 objects of bucket nw-invoices with CopyObject "
          + "encrypted with a customer-provided key (SSE-C: AWS keeps no copy of the key) in 11s: inv-0.pdf, "
          + "inv-1.pdf, inv-2.pdf, …");
      assertThat(x.evidence()).hasSize(12).startsWith("r0", "r1");
      assertThat(x.threats()).contains("ransomware");
      assertThat(x.techniques()).contains("T1486");
    });
  }

  @Test
  void singleSseCCopy_isLow() {
    assertThat(harness.run(rewrites(1, SSE_C))).singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(
        Level.LOW));
  }

  @Test
  void objectsRewrittenWithAKmsKeyOfAnAccountWithoutLogs_fireHigh() {
    assertThat(harness.run(rewrites(10, kms(OUTSIDE)))).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).contains("rewrote 10 objects of bucket nw-invoices with CopyObject encrypted with a KMS "
          + "key of account 999988887777 (an account with no logs in this hunt)");
    });
  }

  @Test
  void rewritesWithOwnOrOrganisationKeysOrSseCSources_areQuietOrLow() {
    List<NormalizedEvent> events = new ArrayList<>();
    events.add(event().account(DEV).time("2026-03-11T01:00:00Z").build());
    events.addAll(rewrites(20, kms(PROD))); // the bucket's own key: key rotation
    events.addAll(rewrites(20, "\"x-amz-server-side-encryption\":\"aws:kms\",\"x-amz-server-side-encryption-aws-kms-key-id\":"
        + "\"alias/app\"")); // an alias names no account
    events.addAll(rewrites(20, SSE_C + ",\"x-amz-copy-source-server-side-encryption-customer-algorithm\":\"AES256\""));
    events.addAll(rewrites(20, "\"x-amz-server-side-encryption\":\"AES256\""));
    assertThat(harness.run(events)).isEmpty();

    assertThat(harness.run(List.of(events.get(0), rewrites(20, kms(DEV)).get(5)))).singleElement()
        .satisfies(x -> assertThat(x.level()).isEqualTo(Level.LOW));
  }

  @Test
  void manyDistinctCopies_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new S3CopyToForeignBucketDetector(new DetectorConfig(
        Map.of(S3CopyToForeignBucketDetector.NAME, Map.of("max-open-episodes", "20", "max-accounts", "30")), "test"),
        INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      records.add(copy("src", PROD, "dst-" + i, String.format("%012d", i), "k", String.format(
          "2026-03-11T03:%02d:%02dZ", i / 60, i % 60)).json());
    }

    assertThat(small.run(CloudTrailEvents.parse(records))).hasSize(500);
    assertThat(small.lastRunner().stateSize()).isEqualTo(1); // no open episode; one account seen
    assertThat(small.lastRunner().evicted()).isEqualTo(500 - 20);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    List<NormalizedEvent> events = List.of(
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-eu.csv", "2026-03-11T03:10:00Z")
            .id("c1").build(),
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-us.csv", "2026-03-11T03:12:30Z")
            .id("c2").build(),
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-apac.csv", "2026-03-11T06:00:00Z")
            .id("c3").build());

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).hasSize(2);
    assertThat(StreamReplay.raisedByAdvance(harness, events, Instant.parse("2026-03-11T06:59:59Z")))
        .isEmpty();
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, List.of(
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-eu.csv", "2026-03-11T03:10:00Z")
            .id("c1").build(),
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-us.csv", "2026-03-11T03:12:30Z")
            .id("c2").build(),
        copy("nw-customer-exports", PROD, "exfil-drop-77", OUTSIDE, "customers-apac.csv", "2026-03-11T06:00:00Z")
            .id("c3").build()));
  }
}
