package dev.kumo.detector.storage;

import static dev.kumo.detector.storage.S3TestEvents.ANONYMOUS;
import static dev.kumo.detector.storage.S3TestEvents.BATCH;
import static dev.kumo.detector.storage.S3TestEvents.ETL;
import static dev.kumo.detector.storage.S3TestEvents.all;
import static dev.kumo.detector.storage.S3TestEvents.daily;
import static dev.kumo.detector.storage.S3TestEvents.reads;
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

class S3ReadVolumeDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final long MIB = 1024 * 1024;
  private static final String MALLORY = CloudTrailEvents.user("mallory");

  private final DetectorHarness harness = DetectorHarness.of(new S3ReadVolumeDetector(DetectorConfig.DEFAULTS, INTEL));

  private List<Finding> run(List<String> records) {
    return harness.run(CloudTrailEvents.parse(records));
  }

  private static Instant at(int day, int hour) {
    return DAY1.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(hour));
  }

  @Test
  void hourFarAboveThePrincipalsOwnHistory_firesHighWithTheNumbers() {
    List<Finding> f = run(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 20, 2 * MIB),
        reads(ETL, "nw-datalake", at(9, 10), 1000, 2 * MIB)));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("role/etl read 1,000 objects (2.0 GiB) between 2026-03-09T10:00 and 11:00 UTC "
          + "(bucket nw-datalake); its usual active hour over the previous 7d: median 20 objects (MAD 0 objects), at "
          + "most 20 objects; median 40 MiB (MAD 0 B), at most 40 MiB (20 active hours)");
      assertThat(x.time()).isEqualTo(at(9, 10));
      assertThat(x.evidence()).isNotEmpty();
      assertThat(x.techniques()).contains("T1530");
      assertThat(x.threats()).containsExactly("data-theft");
    });
  }

  @Test
  void moreBytesThanEver_firesEvenWithUsualObjectCounts() {
    List<Finding> f = run(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 30, MIB),
        reads(ETL, "nw-datalake", at(9, 10), 30, 200 * MIB)));

    assertThat(f).singleElement().satisfies(x -> assertThat(x.reason()).startsWith(
        "role/etl read 30 objects (5.9 GiB) between 2026-03-09T10:00 and 11:00 UTC"));
  }

  @Test
  void nightlyBatchJobThatAlwaysReadsMany_doesNotFire() {
    assertThat(run(all(
        daily(BATCH, "nw-exports", DAY1, 9, new int[] {2}, 2100, 50_000),
        daily(BATCH, "nw-exports", DAY1, 9, new int[] {14}, 10, 50_000)))).isEmpty();
  }

  @Test
  void burstBelowTheFloor_doesNotFire() {
    assertThat(run(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 2, 1000),
        reads(ETL, "nw-datalake", at(9, 10), 400, 1000)))).isEmpty();
  }

  @Test
  void newPrincipalReadingVeryMany_firesMedium() {
    List<Finding> f = run(all(
        daily(ETL, "nw-datalake", DAY1, 3, new int[] {9}, 5, MIB),
        reads(MALLORY, "nw-customer-exports", at(3, 3), 2500, 100_000)));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("user/mallory read 2,500 objects (238 MiB) between 2026-03-03T03:00 and 04:00 "
          + "UTC (bucket nw-customer-exports) with no baseline: no such calls in the previous 7d");
    });
  }

  @Test
  void anonymousReadsOfABucket_areTrackedPerBucket() {
    List<Finding> f = run(all(
        daily(ETL, "nw-datalake", DAY1, 3, new int[] {9}, 5, MIB),
        reads(ANONYMOUS, "nw-customer-exports", at(3, 3), 2200, 100_000)));

    assertThat(f).singleElement().satisfies(x -> assertThat(x.reason()).startsWith(
        "anonymous requests to bucket nw-customer-exports read 2,200 objects (210 MiB) between 2026-03-03T03:00"));
  }

  @Test
  void newPrincipalInTheFirstDayOfData_doesNotFire() {
    assertThat(run(all(
        reads(ETL, "nw-datalake", at(1, 0), 5, MIB),
        reads(MALLORY, "nw-customer-exports", at(1, 3), 2500, 100_000)))).isEmpty();
  }

  @Test
  void callsByServicesOnAPrincipalsBehalfOrFailed_areLeftOut() {
    String viaAthena = MALLORY.replace("\"type\":\"IAMUser\",", "\"type\":\"IAMUser\",\"invokedBy\":\"athena.amazonaws.com\",");
    List<String> records = new ArrayList<>(daily(ETL, "nw-datalake", DAY1, 3, new int[] {9}, 5, MIB));
    for (int i = 0; i < 2500; i++) {
      Instant t = at(3, 3).plusSeconds(i);
      records.add(S3TestEvents.object(viaAthena, "GetObject", "nw-lake", "k" + i, t, ",\"bytesTransferredOut\":10")
          .json());
      records.add(S3TestEvents.object(MALLORY, "GetObject", "nw-lake", "k" + i, t, "").error("AccessDenied").json());
    }

    assertThat(run(records)).isEmpty();
  }

  @Test
  void smallCombiner_givesTheSameFindings() {
    var events = CloudTrailEvents.parse(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 20, 2 * MIB),
        reads(ETL, "nw-datalake", at(9, 10), 1000, 2 * MIB)));
    DetectorHarness partial = DetectorHarness.withCombinerCapacity(7,
        new S3ReadVolumeDetector(DetectorConfig.DEFAULTS, INTEL));

    assertThat(partial.run(events)).extracting(Finding::reason)
        .containsExactlyElementsOf(harness.run(events).stream().map(Finding::reason).toList());
  }

  @Test
  void manyPrincipals_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new S3ReadVolumeDetector(new DetectorConfig(
        Map.of(S3ReadVolumeDetector.NAME, Map.of("max-principals", "50")), "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      records.add(S3TestEvents.object(ANONYMOUS, "GetObject", "bucket-" + i, "k", DAY1.plusSeconds(i * 7L),
          ",\"bytesTransferredOut\":10").json());
    }

    assertThat(small.run(CloudTrailEvents.parse(records))).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(2 * 50);
    assertThat(small.lastRunner().evicted()).isGreaterThanOrEqualTo(3000 - 2 * 50);
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises_andNothingInsideTheOpenHour() {
    List<NormalizedEvent> events = CloudTrailEvents.parse(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 20, 2 * MIB),
        reads(ETL, "nw-datalake", at(8, 15), 1000, 2 * MIB),
        reads(MALLORY, "nw-datalake", at(9, 10), 1000, 2 * MIB)));

    assertThat(StreamReplay.assertStreamMatchesBatch(harness, events, true)).isNotEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, at(9, 11).minusSeconds(1))).isEmpty();
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, CloudTrailEvents.parse(all(
        daily(ETL, "nw-datalake", DAY1, 8, new int[] {9, 10, 11}, 20, 2 * MIB),
        reads(ETL, "nw-datalake", at(8, 15), 1000, 2 * MIB),
        reads(MALLORY, "nw-datalake", at(9, 10), 1000, 2 * MIB))));
  }
}
