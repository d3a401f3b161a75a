package dev.kumo.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.PackCoverage;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.Visibility;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the exposed-and-blind ranking puts a public bucket whose S3 data events nobody logs above an
 * equally public bucket a trail records data events for, with the real checks, reader and rule pack.
 */
class ExposedAndBlindRankingTest {
  private static DetectionCoverage coverage;

  @BeforeAll
  static void loadRules() throws Exception {
    coverage = DetectionCoverage.of(PackCoverage.of(LoadedRules.load(PostureTestRules.builtinPack())));
  }

  private static List<RankedResult> rank() throws Exception {
    Path snapshot = Path.of(ExposedAndBlindRankingTest.class.getResource("/posture/ranking/config-snapshot.json")
        .toURI());
    PostureInputs.Loaded loaded = new PostureInputs().load(List.of(snapshot), null);
    assertThat(loaded.inventory().problems()).isEmpty();
    return new PostureScanner(BuiltinChecks.all(), coverage,
        Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC)).scan(loaded.inventory(), List.of())
        .ranked();
  }

  @Test
  void rank_publicBucketWithoutDataEvents_comesBeforeTheLoggedOne() throws Exception {
    List<RankedResult> ranked = rank();
    List<RankedResult> publicRead = ranked.stream()
        .filter(r -> r.result().check().id().equals("aws-s3-bucket-public-read")).toList();
    assertThat(publicRead).extracting(r -> r.result().resource().name())
        .containsExactly("b-public-unlogged", "a-public-logged");
    assertThat(publicRead.get(0).visibility()).isEqualTo(Visibility.BLIND);
    assertThat(publicRead.get(0).exposedAndBlind()).isTrue();
    assertThat(publicRead.get(1).visibility()).isEqualTo(Visibility.WATCHED);
    assertThat(publicRead.get(1).sources()).anySatisfy(s -> {
      assertThat(s.telemetry()).isEqualTo("aws.cloudtrail.s3-data");
      assertThat(s.rules()).isNotEmpty();
    });
    assertThat(ranked.indexOf(publicRead.get(0))).isLessThan(ranked.indexOf(publicRead.get(1)));
  }
}
