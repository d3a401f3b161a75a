package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobArgsTest {
  @Test
  void parse_topics_givesDefaultsForTheRest() {
    JobConfig c = JobArgs.parse("--bootstrap-servers", "kafka:9092", "--topics", "cloudtrail, vpcflow");

    assertThat(c.inputTopics()).containsExactly("cloudtrail", "vpcflow");
    assertThat(c.controlTopic()).isEqualTo("kumo.control");
    assertThat(c.findingsTopic()).isEqualTo("kumo.findings");
    assertThat(c.deadLetterTopic()).isEqualTo("kumo.dead-letters");
    assertThat(c.builtin()).isTrue();
    assertThat(c.bounded()).isFalse();
    assertThat(c.outOfOrderness()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.checkpointDir()).as("the cluster's setting").isNull();
  }

  @Test
  void parse_checkpointDir_localPathBecomesAFileUri_aUriIsKept() {
    String[] kafka = {"--bootstrap-servers", "kafka:9092", "--topics", "t", "--checkpoint-dir"};

    JobConfig local = JobArgs.parse(concat(kafka, "state/checkpoints"));
    JobConfig s3 = JobArgs.parse(concat(kafka, "s3://bucket/kumo/checkpoints"));

    assertThat(local.checkpointDir()).isEqualTo(Path.of("state/checkpoints").toAbsolutePath().toUri().toString())
        .startsWith("file:/");
    assertThat(s3.checkpointDir()).isEqualTo("s3://bucket/kumo/checkpoints");
  }

  private static String[] concat(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  @Test
  void parse_filesWithFindingsFile_needsNoKafkaAndIsBounded() {
    JobConfig c = JobArgs.parse("--files", "/logs,s3://bucket/AWSLogs", "--findings-file", "/out", "--parallelism", "4");

    assertThat(c.bootstrapServers()).isNull();
    assertThat(c.files()).isEqualTo(List.of("/logs", "s3://bucket/AWSLogs"));
    assertThat(c.bounded()).isTrue();
    assertThat(c.parallelism()).isEqualTo(4);
  }

  @Test
  void parse_mistakes_areNamed() {
    assertThatIllegalArgumentException().isThrownBy(() -> JobArgs.parse("--topics", "t"))
        .withMessageContaining("--bootstrap-servers is required");
    assertThatIllegalArgumentException().isThrownBy(() -> JobArgs.parse("--bootstrap-servers", "k:1"))
        .withMessageContaining("--topics");
    assertThatIllegalArgumentException().isThrownBy(
        () -> JobArgs.parse("--bootstrap-servers", "k:1", "--topics", "t", "--tick", "soon"))
        .withMessageContaining("--tick must be a positive duration");
    assertThatIllegalArgumentException().isThrownBy(
        () -> JobArgs.parse("--bootstrap-servers", "k:1", "--topics", "t", "--parallelism", "0"))
        .withMessageContaining("--parallelism must be between 1");
    assertThatIllegalArgumentException().isThrownBy(() -> JobArgs.parse("--bootstrap-servers", "k:1", "--bogus", "x"))
        .withMessageContaining("unknown option --bogus");
    assertThatIllegalArgumentException().isThrownBy(() -> JobArgs.parse("--topics"))
        .withMessageContaining("--topics needs a value");
  }
}
