package dev.kumo.serve.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostureReportReaderTest {
  @TempDir
  Path dir;

  private final PostureReportReader reader = new PostureReportReader(Reports.MAX_BYTES);

  @Test
  void writersOutput_isReadInTheReportsOrder_withEveryField() throws Exception {
    PostureReport r = reader.read(ReportFixtures.writePosture(dir.resolve("posture.jsonl")));

    assertThat(r.problems()).isEmpty();
    assertThat(r.results()).extracting(PostureEntry::check).containsExactly("aws-s3-bucket-public-read",
        "azure-nsg-ssh-open", "aws-cloudtrail-enabled", "aws-s3-bucket-public-read");
    PostureEntry first = r.results().get(0);
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(Status.FAIL);
    assertThat(first.severity()).isEqualTo(Level.CRITICAL);
    assertThat(first.visibility()).isEqualTo(Visibility.BLIND);
    assertThat(first.resource().name()).isEqualTo(ReportFixtures.HOSTILE_NAME);
    assertThat(first.resource().provider()).isEqualTo("aws");
    assertThat(first.resource().account()).isEqualTo("111122223333");
    assertThat(first.threat()).isEqualTo("data-theft");
    assertThat(first.attack()).containsExactly("T1530");
    assertThat(first.command()).startsWith("aws s3api put-public-access-block --bucket ");
    assertThat(first.telemetry()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("off"));
    assertThat(r.results().get(1).command()).isNull();
    assertThat(r.results().get(2).rank()).isZero();
    assertThat(r.results().get(2).visibility()).isNull();
    assertThat(r.count(Status.MUTED)).isEqualTo(1);
  }

  @Test
  void malformedLines_areReportedWithFileAndLine_andTheRestIsRead() throws Exception {
    String[] lines = ReportFixtures.postureJson().split("\n");
    Path f = Files.writeString(dir.resolve("posture.jsonl"), lines[0] + "\n{not json\n[1,2]\n"
        + lines[1].replace("\"severity\":\"high\"", "\"severity\":\"apocalyptic\"") + "\n\n" + lines[2] + "\n");

    PostureReport r = reader.read(f);

    assertThat(r.results()).extracting(PostureEntry::line).containsExactly(1, 6);
    assertThat(r.problems()).hasSize(3);
    assertThat(r.problems().get(0)).startsWith(f + ":2: malformed JSON");
    assertThat(r.problems().get(1)).isEqualTo(f + ":3: not a JSON object");
    assertThat(r.problems().get(2)).isEqualTo(f + ":4: unknown severity 'apocalyptic'");
  }

  @Test
  void missingRequiredField_isALineProblem() throws Exception {
    Path f = Files.writeString(dir.resolve("p.jsonl"), "{\"schema\":\"kumo.posture/1\",\"check\":\"x\","
        + "\"status\":\"fail\",\"severity\":\"low\"}\n");

    assertThat(reader.read(f).problems()).containsExactly(f + ":1: missing 'resource'");
  }

  @Test
  void wrongSchema_rejectsTheWholeFile() throws Exception {
    Path f = Files.writeString(dir.resolve("findings.jsonl"), ReportFixtures.postureJson()
        + "{\"schema\":\"kumo.finding/1.3\",\"rule_id\":\"x\"}\n");

    assertThatThrownBy(() -> reader.read(f)).isInstanceOf(ReportFormatException.class)
        .hasMessage(f + ":5: schema 'kumo.finding/1.3', expected 'kumo.posture/1' (the output of kumo posture "
            + "--format json)");
  }

  @Test
  void emptyFile_isAnEmptyReport() throws Exception {
    assertThat(reader.read(Files.writeString(dir.resolve("p.jsonl"), "")).results()).isEmpty();
  }

  @Test
  void fileOverTheLimit_isRejected() throws Exception {
    Path f = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));

    assertThatThrownBy(() -> new PostureReportReader(100).read(f)).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("larger than 100 bytes");
  }
}
