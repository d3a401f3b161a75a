package dev.kumo.serve.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadSpotsReportReaderTest {
  @TempDir
  Path dir;

  private final DeadSpotsReportReader reader = new DeadSpotsReportReader(Reports.MAX_BYTES);

  @Test
  void writersOutput_isReadInRankOrder_withEveryField() throws Exception {
    DeadSpotsReport r = reader.read(ReportFixtures.writeDeadSpots(dir.resolve("dead-spots.json")));

    assertThat(r.problems()).isEmpty();
    assertThat(r.day()).isEqualTo("2026-11-20");
    assertThat(r.inScope()).containsExactly("DSP-07", "IAM-09", "LOG-03");
    assertThat(r.warnings()).containsExactly("owners.yml:4: unknown control XYZ-01");
    assertThat(r.deadSpots()).extracting(DeadSpotEntry::control).containsExactly("DSP-07", "IAM-09");
    DeadSpotEntry dsp = r.deadSpots().get(0);
    assertThat(dsp.rank()).isEqualTo(1);
    assertThat(dsp.domain()).isEqualTo("DSP");
    assertThat(dsp.reasons()).containsExactly(Reason.FAILING_EVIDENCE);
    assertThat(dsp.blind()).isTrue();
    assertThat(dsp.services()).containsExactly("aws.s3=customer");
    assertThat(dsp.owners()).containsExactly("data-platform");
    assertThat(dsp.threat()).isEqualTo("data-theft");
    assertThat(dsp.failing()).singleElement().satisfies(f -> {
      assertThat(f.visibility()).isEqualTo(Visibility.BLIND);
      assertThat(f.resource().name()).isEqualTo(ReportFixtures.HOSTILE_NAME);
    });
    assertThat(r.deadSpots().get(1).reasons()).containsExactly(Reason.NO_OWNER, Reason.NO_EVIDENCE);
    assertThat(r.deadSpots().get(1).unowned()).containsExactly("aws.iam");
  }

  @Test
  void malformedDeadSpot_isReported_andTheOthersAreRead() throws Exception {
    String json = new dev.kumo.posture.report.DeadSpotJson().write(ReportFixtures.deadSpots())
        .replace("\"reasons\":[\"no-owner\",\"no-evidence\"]", "\"reasons\":[\"nobody-cares\"]");
    Path f = Files.writeString(dir.resolve("dead-spots.json"), json);

    DeadSpotsReport r = reader.read(f);

    assertThat(r.deadSpots()).extracting(DeadSpotEntry::control).containsExactly("DSP-07");
    assertThat(r.problems()).containsExactly(f + ":1: dead_spots[1]: unknown reason 'nobody-cares'");
  }

  @Test
  void wrongSchema_orMalformedJson_rejectsTheFile_withTheLine() throws Exception {
    Path other = Files.writeString(dir.resolve("a.json"), "{\"schema\": \"kumo.posture/1\", \"dead_spots\": []}");
    Path broken = Files.writeString(dir.resolve("b.json"), "{\n  \"schema\": \"kumo.dead-spots/1\",\n  \"dead_spots\": [\n");

    assertThatThrownBy(() -> reader.read(other)).isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith(other + ":1: schema 'kumo.posture/1', expected 'kumo.dead-spots/1'");
    assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith(broken + ":").hasMessageContaining("malformed JSON");
  }
}
