package dev.kumo.serve.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir
  Path dir;

  private final AtomicInteger reads = new AtomicInteger();

  private ReportFile<PostureReport> file(Path p) {
    PostureReportReader reader = new PostureReportReader(Reports.MAX_BYTES);
    return new ReportFile<>(p, f -> {
      reads.incrementAndGet();
      return reader.read(f);
    });
  }

  private static void touch(Path p, Instant t) throws Exception {
    Files.setLastModifiedTime(p, FileTime.from(t));
  }

  @Test
  void unchangedFile_isReadOnce() throws Exception {
    Path p = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    ReportFile<PostureReport> f = file(p);

    f.current();
    ReportFile.Snapshot<PostureReport> s = f.current();

    assertThat(reads).hasValue(1);
    assertThat(s.report().results()).hasSize(4);
    assertThat(s.failure()).isNull();
  }

  @Test
  void postureFile_replaced_isReread() throws Exception {
    Path p = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    touch(p, T0);
    ReportFile<PostureReport> f = file(p);
    assertThat(f.current().report().results()).hasSize(4);

    String first = ReportFixtures.postureJson().lines().findFirst().orElseThrow();
    Files.writeString(p, first + "\n");
    touch(p, T0.plusSeconds(60));
    ReportFile.Snapshot<PostureReport> s = f.current();

    assertThat(s.report().results()).hasSize(1);
    assertThat(s.modified()).isEqualTo(T0.plusSeconds(60));
    assertThat(reads).hasValue(2);
  }

  @Test
  void sameModificationTime_butOtherSize_isReread() throws Exception {
    Path p = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    touch(p, T0);
    ReportFile<PostureReport> f = file(p);
    f.current();

    Files.writeString(p, ReportFixtures.postureJson().lines().findFirst().orElseThrow() + "\n");
    touch(p, T0);

    assertThat(f.current().report().results()).hasSize(1);
  }

  @Test
  void unreadableNewVersion_keepsTheOldOne_andSaysWhy_untilFixed() throws Exception {
    Path p = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    touch(p, T0);
    ReportFile<PostureReport> f = file(p);
    f.current();

    Files.writeString(p, "{\"schema\":\"kumo.incident/1\"}\n");
    touch(p, T0.plusSeconds(60));
    ReportFile.Snapshot<PostureReport> bad = f.current();
    f.current();

    assertThat(bad.report().results()).hasSize(4);
    assertThat(bad.modified()).isEqualTo(T0);
    assertThat(bad.failure()).startsWith(p + ":1: schema 'kumo.incident/1'");
    assertThat(reads).as("a bad version is not re-read while unchanged").hasValue(2);

    ReportFixtures.writePosture(p);
    touch(p, T0.plusSeconds(120));
    ReportFile.Snapshot<PostureReport> fixed = f.current();
    assertThat(fixed.failure()).isNull();
    assertThat(fixed.modified()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void missingFile_isAFailure_thenReadWhenItAppears() throws Exception {
    Path p = dir.resolve("later.jsonl");
    ReportFile<PostureReport> f = file(p);

    ReportFile.Snapshot<PostureReport> none = f.current();
    assertThat(none.report()).isNull();
    assertThat(none.failure()).isEqualTo(p + ": no such file (yet)");

    ReportFixtures.writePosture(p);
    assertThat(f.current().report().results()).hasSize(4);
  }

  @Test
  void deletedFile_keepsTheLastGoodVersion() throws Exception {
    Path p = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    ReportFile<PostureReport> f = file(p);
    f.current();

    Files.delete(p);
    ReportFile.Snapshot<PostureReport> s = f.current();

    assertThat(s.report().results()).hasSize(4);
    assertThat(s.failure()).contains("no such file");
  }
}
