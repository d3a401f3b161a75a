package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testing.CloudTrailEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A back-fill from files, without Kafka: findings and dead letters to files; intel loaded at start. */
class FileBackfillTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

  @TempDir
  Path dir;

  private static String partFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return "";
    }
    try (Stream<Path> s = Files.walk(root)) {
      return String.join("\n", s.filter(p -> p.getFileName().toString().startsWith("part-")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList());
    }
  }

  @Test
  void files_withIntelAtStart_findTheIndicator_andReportUnreadableRecords() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("a.json"), "{\"Records\":[" + String.join(",", List.of(
        CloudTrailEvents.event().id("from-bad-ip").ip("203.0.113.66").json(),
        CloudTrailEvents.event().id("from-good-ip").ip("198.51.100.7").json())) + "]}");
    Files.writeString(logs.resolve("b.json"), "{\"Records\":[{\"broken\"\n");
    Path intel = Files.writeString(dir.resolve("bad-ips.txt"), "203.0.113.66\n");
    Path out = dir.resolve("findings");
    JobConfig config = JobArgs.parse("--files", logs.toString(), "--findings-file", out.toString(), "--no-builtin",
        "--intel", intel.toString(), "--parallelism", "1", "--checkpoint-interval", "500ms");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KumoJob.build(env, config, KumoJob.initialRules(config, Clock.systemUTC()));
    JobExecutionResult result = env.execute("kumo-backfill");

    assertThat(KumoJob.Summary.of(result)).isEqualTo(new KumoJob.Summary(2, 2, 1, 1, 0));
    assertThat(partFiles(out)).contains("\"event_id\":\"from-bad-ip\"").doesNotContain("from-good-ip");
    assertThat(partFiles(dir.resolve("findings-dead-letters"))).contains("\"schema\":\"kumo.dead-letter/1\"")
        .contains("b.json").contains("\"kind\":\"record\"");
  }
}
