package dev.kumo.detector.storage;

import static dev.kumo.detector.storage.S3TestEvents.all;
import static dev.kumo.detector.storage.S3TestEvents.deletes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3DeleteVolumeDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant DAY1 = Instant.parse("2026-03-10T00:00:00Z");
  private static final String ATTACKER = CloudTrailEvents.user("svc-backup-sync");
  private static final String RETENTION = CloudTrailEvents.role("retention", "nightly", "ASIARET");

  private final DetectorHarness harness = DetectorHarness.of(new S3DeleteVolumeDetector(DetectorConfig.DEFAULTS,
      INTEL));

  private List<Finding> run(List<String> records) {
    return harness.run(CloudTrailEvents.parse(records));
  }

  private static Instant at(int day, int hour, int minute) {
    return DAY1.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }

  /** Background: a job deleting a few objects every morning, so the data has a start. */
  private static List<String> background(int days) {
    List<String> out = new ArrayList<>();
    for (int d = 1; d <= days; d++) {
      out.addAll(deletes(RETENTION, "nw-tmp", at(d, 6, 0), 3));
    }
    return out;
  }

  /** The Stratus ransomware batch deletion as CloudTrail writes it: the keys are not recorded. */
  private static String batchDelete(String identity, String bucket, Instant t) {
    return CloudTrailEvents.event().identity(identity).call("s3.amazonaws.com", "DeleteObjects").time(t.toString())
        .request("{\"bucketName\":\"" + bucket + "\",\"Host\":\"" + bucket + ".s3.us-east-1.amazonaws.com\","
            + "\"delete\":\"\",\"x-id\":\"DeleteObjects\"}")
        .extra("\"eventCategory\":\"Data\",\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARNPrefix\":"
            + "\"arn:aws:s3:::" + bucket + "/\"},{\"accountId\":\"111122223333\",\"type\":\"AWS::S3::Bucket\","
            + "\"ARN\":\"arn:aws:s3:::" + bucket + "\"}]").json();
  }

  @Test
  void newPrincipalDeletingHundredsOfObjects_firesMedium() {
    List<Finding> f = run(all(background(2), deletes(ATTACKER, "nw-prod-datalake-curated", at(2, 13, 7), 400)));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("user/svc-backup-sync deleted 400 objects between 2026-03-11T13:00 and 14:00 "
          + "UTC (bucket nw-prod-datalake-curated) with no baseline: no such calls in the previous 7d");
      assertThat(x.techniques()).contains("T1485");
      assertThat(x.threats()).containsExactly("ransomware");
    });
  }

  @Test
  void learningCountsFromTheFirstCloudTrailEvent_notTheFirstDeletion() {
    List<String> records = new ArrayList<>();
    records.add(CloudTrailEvents.event().time(at(1, 0, 5).toString()).call("ec2.amazonaws.com", "DescribeInstances")
        .json());
    List<String> attack = deletes(ATTACKER, "nw-customer-exports", at(2, 13, 7), 300);

    assertThat(run(all(records, attack))).singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(
        Level.MEDIUM));
    assertThat(run(attack)).isEmpty(); // the data starts with the deletions: inside the learning window
  }

  @Test
  void batchDeletionsWithoutRecordedKeys_areCountedAsCalls() {
    List<String> records = new ArrayList<>(background(2));
    for (int i = 0; i < 30; i++) {
      records.add(batchDelete(ATTACKER, "nw-backups", at(2, 13, 10).plusSeconds(i * 5L)));
    }

    assertThat(run(records)).singleElement().satisfies(x -> assertThat(x.reason()).startsWith(
        "user/svc-backup-sync sent 30 DeleteObjects calls (keys not recorded, up to 1,000 objects each) between "
            + "2026-03-11T13:00 and 14:00 UTC"));
  }

  @Test
  void batchDeletionListingItsKeys_countsEachKey() {
    JsonObject listed = (JsonObject) JsonTreeReader.lenient().read("{\"bucketName\":\"b\",\"delete\":{\"Object\":["
        + "{\"Key\":\"a\"},{\"Key\":\"b\",\"VersionId\":\"v1\"},{\"Key\":\"c\"}],\"Quiet\":true}}");
    JsonObject one = (JsonObject) JsonTreeReader.lenient().read("{\"delete\":{\"Object\":{\"Key\":\"a\"}}}");
    JsonObject stratus = (JsonObject) JsonTreeReader.lenient().read("{\"bucketName\":\"b\",\"delete\":\"\"}");

    assertThat(S3DeleteVolumeDetector.listedKeys(listed)).isEqualTo(3);
    assertThat(S3DeleteVolumeDetector.listedKeys(one)).isEqualTo(1);
    assertThat(S3DeleteVolumeDetector.listedKeys(stratus)).isZero();
  }

  @Test
  void nightlyRetentionJobDeletingHundreds_doesNotFire() {
    List<String> records = new ArrayList<>();
    for (int d = 1; d <= 9; d++) {
      records.addAll(deletes(RETENTION, "nw-logs-archive", at(d, 1, 0), 300 + 10 * d));
    }

    assertThat(run(records)).isEmpty();
  }

  @Test
  void establishedPrincipalDeletingFarMoreThanUsual_firesHigh() {
    List<String> records = new ArrayList<>();
    for (int d = 1; d <= 8; d++) {
      for (int h : new int[] {8, 12, 16}) {
        records.addAll(deletes(RETENTION, "nw-tmp", at(d, h, 0), 4));
      }
    }
    records.addAll(deletes(RETENTION, "nw-customer-exports", at(9, 3, 0), 600));

    assertThat(run(records)).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).startsWith("role/retention deleted 600 objects between 2026-03-18T03:00 and 04:00 UTC "
          + "(bucket nw-customer-exports); its usual active hour over the previous 7d: median 4 objects (MAD 0 "
          + "objects), at most 4 objects;");
    });
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    List<String> records = new ArrayList<>(background(2));
    for (int d = 1; d <= 8; d++) {
      records.addAll(deletes(RETENTION, "nw-tmp", at(d, 12, 0), 4));
    }
    records.addAll(deletes(RETENTION, "nw-customer-exports", at(9, 3, 0), 600));
    records.addAll(deletes(ATTACKER, "nw-prod-datalake-curated", at(9, 13, 7), 400));

    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, CloudTrailEvents.parse(records));
  }

  @Test
  void failedDeletions_areLeftOut() {
    List<String> records = new ArrayList<>(background(2));
    for (int i = 0; i < 400; i++) {
      records.add(S3TestEvents.object(ATTACKER, "DeleteObject", "nw-prod", "k" + i, at(2, 13, 0).plusSeconds(i), "")
          .error("AccessDenied").json());
    }

    assertThat(run(records)).isEmpty();
  }

  @Test
  void manyPrincipalsWithLongHistories_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new S3DeleteVolumeDetector(new DetectorConfig(
        java.util.Map.of(S3DeleteVolumeDetector.NAME, java.util.Map.of("max-principals", "40")), "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 2000; i++) { // a new user every 3 minutes for four days, each deleting one object
      records.add(S3TestEvents.object(CloudTrailEvents.user("u" + i), "DeleteObject", "b", "k" + i,
          DAY1.plusSeconds(i * 180L), "").json());
    }

    assertThat(run(records)).isEmpty();
    assertThat(small.run(CloudTrailEvents.parse(records))).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(2 * 40);
    assertThat(small.lastRunner().evicted()).isGreaterThanOrEqualTo(2000 - 2 * 40);
  }
}
