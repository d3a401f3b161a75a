package dev.kumo.posture.rank;

import static dev.kumo.posture.TestResources.aws;
import static dev.kumo.posture.TestResources.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.TestResources;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureRankerTest {
  private static final Check PUBLIC = TestResources.check("public-read", "aws.s3.bucket", Level.CRITICAL,
      Threat.DATA_THEFT, List.of("aws.cloudtrail.s3-data", "aws.s3access"), "T1530",
      (r, inv, ctx) -> Verdict.fail("public"));
  private static final DetectionCoverage CLOUDTRAIL_RULES = (techniques, source) ->
      source.equals("aws.cloudtrail") && techniques.contains("T1530") ? List.of("s3-bulk-download") : List.of();

  private static List<RankedResult> rank(Inventory inv, DetectionCoverage coverage) {
    List<CheckResult> results = PUBLIC.run(inv, CheckContext.at(Instant.EPOCH));
    return new ExposureRanker(inv, coverage).rank(results);
  }

  @Test
  void rank_bucketWithoutDataEvents_isBlindAndAboveTheLoggedOne() {
    Inventory inv = new Inventory(List.of(bucket("a-logged", "access_logging", false),
        bucket("z-unlogged", "access_logging", false),
        aws("aws.cloudtrail.trail", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main", "eu-west-1",
            "logging", true, "multi_region", true, "management_events", true,
            "s3_data_events", List.of("arn:aws:s3:::a-logged/"))), List.of());
    List<RankedResult> ranked = rank(inv, CLOUDTRAIL_RULES);
    assertThat(ranked).extracting(r -> r.result().resource().name()).containsExactly("z-unlogged", "a-logged");
    assertThat(ranked.get(0).visibility()).isEqualTo(Visibility.BLIND);
    assertThat(ranked.get(1).visibility()).isEqualTo(Visibility.WATCHED);
    assertThat(ranked.get(1).sources().get(0).rules()).containsExactly("s3-bulk-download");
  }

  @Test
  void rank_loggedButNoRule_isUnwatched() {
    Inventory inv = new Inventory(List.of(bucket("b", "access_logging", true)), List.of());
    assertThat(rank(inv, DetectionCoverage.NONE).get(0).visibility()).isEqualTo(Visibility.UNWATCHED);
  }

  @Test
  void rank_noLoggingDataInInventory_isUnknownNotBlind() {
    Inventory inv = new Inventory(List.of(bucket("b")), List.of());
    assertThat(rank(inv, CLOUDTRAIL_RULES).get(0).visibility()).isEqualTo(Visibility.UNKNOWN);
  }

  @Test
  void rank_trailNotLogging_doesNotCount() {
    Inventory inv = new Inventory(List.of(bucket("b", "access_logging", false),
        aws("aws.cloudtrail.trail", "arn:aws:cloudtrail:eu-west-1:111122223333:trail/t", "eu-west-1",
            "logging", false, "multi_region", true, "management_events", true, "s3_data_events",
            List.of("arn:aws:s3"))), List.of());
    assertThat(rank(inv, CLOUDTRAIL_RULES).get(0).visibility()).isEqualTo(Visibility.BLIND);
  }

  @Test
  void coversArn_prefixesAndAllBuckets() {
    assertThat(Telemetry.coversArn("arn:aws:s3", "arn:aws:s3:::x")).isTrue();
    assertThat(Telemetry.coversArn("arn:aws:s3:::x/", "arn:aws:s3:::x")).isTrue();
    assertThat(Telemetry.coversArn("arn:aws:s3:::x/", "arn:aws:s3:::xy")).isFalse();
    assertThat(Telemetry.coversArn("arn:aws:s3:::x/logs/", "arn:aws:s3:::x")).isFalse();
  }
}
