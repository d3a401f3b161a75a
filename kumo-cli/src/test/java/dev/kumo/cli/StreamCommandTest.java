package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testing.CloudTrailEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCommandTest {
  @TempDir
  Path dir;

  @Test
  void flinkJob_printsTheFlinkRunCommand_withOptionsQuotedForTheShell() {
    Cli.Result r = Cli.run("flink-job", "--bootstrap-servers", "kafka:9092", "--topics", "cloudtrail", "--rules",
        "my rules/");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out().strip()).isEqualTo("flink run -c dev.kumo.flink.KumoJobMain kumo-flink/target/kumo-flink-job.jar"
        + " --bootstrap-servers kafka:9092 --topics cloudtrail --rules 'my rules/'");
    assertThat(r.err()).contains("no --checkpoint-dir").contains("execution.checkpointing.dir");
  }

  @Test
  void flinkJob_withCheckpointDir_saysNothingMore() {
    Cli.Result r = Cli.run("flink-job", "--bootstrap-servers", "kafka:9092", "--topics", "cloudtrail",
        "--checkpoint-dir", "s3://bucket/kumo/checkpoints");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("--checkpoint-dir s3://bucket/kumo/checkpoints");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void flinkJobAndStream_badOptions_areUsageErrorsNamingTheOption() {
    Cli.Result job = Cli.run("flink-job", "--topics", "cloudtrail");
    Cli.Result stream = Cli.run("stream", "--bootstrap-servers", "k:1", "--topics", "t", "--tick", "never");
    assertThat(job.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(job.err()).contains("--bootstrap-servers is required");
    assertThat(stream.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(stream.err()).contains("--tick must be a positive duration");
  }

  @Test
  void stream_backFillFromFiles_writesWhatHuntFinds() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":[" + String.join(",", List.of(
        CloudTrailEvents.event().id("stop-1").call("cloudtrail.amazonaws.com", "StopLogging")
            .request("{\"name\":\"main-trail\"}").json(),
        CloudTrailEvents.event().id("quiet-1").json())) + "]}");
    Path out = dir.resolve("findings");

    Cli.Result r = Cli.run("stream", "--files", logs.toString(), "--findings-file", out.toString(), "--parallelism", "1",
        "--checkpoint-interval", "1s");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).contains("1 records, 2 events");
    String findings;
    try (Stream<Path> s = Files.walk(out)) {
      findings = String.join("\n", s.filter(p -> p.getFileName().toString().startsWith("part-")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList());
    }
    assertThat(findings).contains("\"event_id\":\"stop-1\"").contains("\"rules_version\":\"sha256:")
        .doesNotContain("quiet-1");
  }

  @Test
  void stream_checkpointDir_holdsTheRunsCheckpoints() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs-2"));
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":[" + CloudTrailEvents.event().id("e-1").json() + "]}");
    Path checkpoints = dir.resolve("checkpoints");

    Cli.Result r = Cli.run("stream", "--files", logs.toString(), "--findings-file", dir.resolve("out-2").toString(),
        "--parallelism", "1", "--checkpoint-interval", "1s", "--checkpoint-dir", checkpoints.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    try (Stream<Path> s = Files.list(checkpoints)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).as("a folder named by the job id")
          .singleElement().matches(name -> name.matches("[0-9a-f]{32}"));
    }
  }
}
