package dev.kumo.detector.storage;

import static dev.kumo.testing.CloudTrailEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
      assertThat(x.threats()).containsExactly("data-theft");
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

  @Test
  void pantherCopyObjectToExternalAccountBucket_positiveFiresNegativeDoesNot() throws IOException {
    var cases = SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz").stream()
        .filter(c -> c.ruleId().equals("AWS.S3.CopyObjectToExternalAccountBucket")).toList();
    assertThat(cases).hasSize(2);
    for (var c : cases) {
      var read = SourceTesting.read("panther.jsonl", (c.log().toJson() + "\n").getBytes(StandardCharsets.UTF_8));
      assertThat(harness.run(read.events())).as(c.testName()).hasSize(c.expected() ? 1 : 0);
    }
  }

  @Test
  void allPantherCloudTrailCases_onlyTheCopyPositiveFires() throws IOException {
    var read = SourceTesting.read("panther.jsonl", SourceTesting.pantherLogsAsJsonLines(
        "tests_AWS.CloudTrail.jsonl.gz"));

    assertThat(harness.run(read.events())).singleElement().satisfies(x -> assertThat(x.reason()).contains(
        "to bucket attacker-exfil-1764604156 of account 111111111111"));
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
}
