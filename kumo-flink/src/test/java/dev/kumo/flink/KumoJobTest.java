package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.flink.testing.KafkaBroker;
import dev.kumo.flink.testing.KafkaBrokerExtension;
import dev.kumo.testing.CloudTrailEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a Flink MiniCluster against a real Kafka broker finds exactly what {@code kumo hunt}
 * finds in the same logs: every shipped attack scenario over a day of background activity.
 */
class KumoJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir
  static Path dir;
  static List<Path> files;
  static Map<String, Integer> cli;

  @BeforeAll
  static void simulate() throws Exception {
    long t0 = System.nanoTime();
    files = JobFixture.files(JobFixture.simulate(dir));
    long t1 = System.nanoTime();
    cli = JobFixture.cliFindings(files);
    System.out.println("TIMING simulate " + (t1 - t0) / 1_000_000 + " ms, hunt " + (System.nanoTime() - t1) / 1_000_000
        + " ms, " + files.size() + " files");
  }

  /** Topics of one run; the job reads the logs to their end and finishes. */
  record Run(String logs, String control, String findings, String deadLetters, String id) {
    static Run create(KafkaBroker kafka, int partitions) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      Run r = new Run("logs-" + id, "control-" + id, "findings-" + id, "dead-" + id, id);
      kafka.createTopic(r.logs, partitions);
      kafka.createTopic(r.control, 1);
      kafka.createTopic(r.findings, 2);
      kafka.createTopic(r.deadLetters, 1);
      return r;
    }

    JobConfig config(KafkaBroker kafka, String... more) {
      List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topics", logs,
          "--control-topic", control, "--findings-topic", findings, "--dead-letter-topic", deadLetters, "--group-id",
          "kumo-" + id, "--transactional-id-prefix", "kumo-" + id, "--checkpoint-interval", "500ms",
          "--out-of-orderness", "3650d", "--parallelism", "2", "--checkpoint-dir",
          dir.resolve("checkpoints-" + id).toUri().toString()));
      args.addAll(List.of(more));
      return JobArgs.parse(args.toArray(String[]::new));
    }
  }

  /**
   * An environment on the test's MiniCluster that restarts a failed job at most {@code restarts} times: a job
   * that failed unseen (a checkpoint that cannot be written, say) and recovered would pass a parity check.
   */
  private static StreamExecutionEnvironment env(int restarts) {
    Configuration conf = new Configuration();
    if (restarts == 0) {
      conf.setString("restart-strategy.type", "none");
    } else {
      conf.setString("restart-strategy.type", "fixed-delay");
      conf.setString("restart-strategy.fixed-delay.attempts", String.valueOf(restarts));
      conf.setString("restart-strategy.fixed-delay.delay", "1 s");
    }
    return StreamExecutionEnvironment.getExecutionEnvironment(conf);
  }

  @Test
  void boundedRun_findsExactlyWhatTheCliFinds(@InjectMiniCluster MiniCluster cluster) throws Exception {
    KafkaBroker kafka = KAFKA.broker();
    Run run = Run.create(kafka, 2);
    long t0 = System.nanoTime();
    JobFixture.produceFiles(kafka, run.logs(), files);
    System.out.println("TIMING produce " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    JobConfig config = run.config(kafka, "--bounded");
    RuleSet rules = KumoJob.initialRules(config, Clock.systemUTC());

    StreamExecutionEnvironment env = env(0);
    KumoJob.build(env, config, rules);
    long t1 = System.nanoTime();
    JobID id = env.execute("kumo-" + run.id()).getJobID();
    System.out.println("TIMING job " + (System.nanoTime() - t1) / 1_000_000 + " ms");

    int expected = cli.values().stream().mapToInt(Integer::intValue).sum();
    List<String> out = kafka.consumeAll(run.findings(), true, expected, Duration.ofSeconds(60)).stream()
        .map(KafkaBroker.Message::value).toList();
    assertThat(cli).as("the scenario gives findings of rules, correlations and detectors").hasSizeGreaterThan(20);
    assertThat(JobFixture.differences(cli, JobFixture.jobFindings(out, rules.version()))).isEmpty();
    assertThat(kafka.consumeAll(run.deadLetters(), true)).isEmpty();
    assertThat(restarts(cluster, id)).as("restarts").isZero();
    assertThat(dir.resolve("checkpoints-" + run.id()).resolve(id.toHexString())).as("checkpoints in --checkpoint-dir")
        .isDirectory();
  }

  /** How many times job {@code id} was restarted (the highest attempt number of its tasks). */
  private static int restarts(MiniCluster cluster, JobID id) throws Exception {
    int most = 0;
    for (var v : cluster.getExecutionGraph(id).get().getAllExecutionVertices()) {
      most = Math.max(most, v.getCurrentExecutionAttempt().getAttemptNumber());
    }
    return most;
  }

  @Test
  void taskManagerKilledMidStream_jobRestartsFromACheckpoint_andFindingsAreExactlyOnce(
      @InjectMiniCluster MiniCluster cluster) throws Exception {
    KafkaBroker kafka = KAFKA.broker();
    Run run = Run.create(kafka, 2);
    JobFixture.produceFiles(kafka, run.logs(), files);
    JobConfig config = run.config(kafka, "--bounded");
    RuleSet rules = KumoJob.initialRules(config, Clock.systemUTC());
    StreamExecutionEnvironment env = env(1);
    KumoJob.build(env, config, rules);
    JobClient job = env.executeAsync("kumo-recovery-" + run.id());

    // a checkpoint has completed once the first findings are committed; the job is mid-stream
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (kafka.consumeAll(run.findings(), true).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(job.getJobStatus().get()).as("still running when killed").isEqualTo(JobStatus.RUNNING);
    cluster.terminateTaskManager(0).get();
    cluster.startTaskManager();
    job.getJobExecutionResult().get(10, TimeUnit.MINUTES);

    int expected = cli.values().stream().mapToInt(Integer::intValue).sum();
    List<String> out = kafka.consumeAll(run.findings(), true, expected, Duration.ofSeconds(60)).stream()
        .map(KafkaBroker.Message::value).toList();
    assertThat(JobFixture.differences(cli, JobFixture.jobFindings(out, rules.version())))
        .as("no duplicate, none missing").isEmpty();
    assertThat(kafka.consumeAll(run.findings(), false).size()).as("the failed attempt's writes were aborted")
        .isGreaterThanOrEqualTo(out.size());
    assertThat(restarts(cluster, job.getJobID())).as("restarts: the kill's alone").isEqualTo(1);
  }

  private static String rule(String id, String eventName) {
    return """
        title: Test rule for %s
        id: %s
        logsource: {product: aws, service: cloudtrail}
        detection:
            selection:
                eventName: %s
            condition: selection
        level: high
        tags: [attack.discovery, attack.t1087]
        """.formatted(eventName, id, eventName);
  }

  private static String call(String id, String eventName) {
    return CloudTrailEvents.event().id(id).call("iam.amazonaws.com", eventName).json();
  }

  /** Committed findings of event {@code eventId}, waiting up to {@code wait} for at least one. */
  private static List<Map<String, String>> findingsOf(KafkaBroker kafka, String topic, String eventId, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<Map<String, String>> found = kafka.consumeAll(topic, true).stream().map(m -> JobFixture.fields(m.value()))
          .filter(f -> eventId.equals(f.get("event_id"))).toList();
      if (!found.isEmpty() || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void ruleUpdateOnTheControlTopic_takesEffectWithoutRestart() throws Exception {
    KafkaBroker kafka = KAFKA.broker();
    Run run = Run.create(kafka, 1);
    Path rules = dir.resolve("rules-" + run.id() + ".yml");
    Files.writeString(rules, rule("11111111-1111-4111-8111-111111111111", "KumoTestAlpha"));
    JobConfig config = run.config(kafka, "--no-builtin", "--rules", rules.toString(), "--rules-version", "v1");
    StreamExecutionEnvironment env = env(0);
    KumoJob.build(env, config, KumoJob.initialRules(config, Clock.systemUTC()));
    JobClient job = env.executeAsync("kumo-rules-" + run.id());
    try {
      kafka.produce(run.logs(), List.of(call("alpha-1", "KumoTestAlpha")));
      assertThat(findingsOf(kafka, run.findings(), "alpha-1", Duration.ofMinutes(2))).singleElement()
          .satisfies(f -> assertThat(f).containsEntry("rule_id", "11111111-1111-4111-8111-111111111111")
              .containsEntry("rules_version", "v1"));

      String update = "{\"schema\": \"kumo.rules/1\", \"version\": \"v2\", \"builtin\": false, \"rules\": "
          + "{\"beta.yml\": " + quote(rule("22222222-2222-4222-8222-222222222222", "KumoTestBeta")) + "}}";
      kafka.produce(run.control(), List.of("{\"schema\": \"kumo.rules/1\", \"version\": \"broken\", \"rules\": "
          + "{\"bad.yml\": \"title: [\"}}", update));
      // the update reaches the job on its own stream: probe until the new rule answers
      List<Map<String, String>> beta = List.of();
      for (int i = 0; beta.isEmpty() && i < 120; i++) {
        kafka.produce(run.logs(), List.of(call("beta-probe-" + i, "KumoTestBeta")));
        beta = findingsOf(kafka, run.findings(), "beta-probe-" + i, Duration.ofSeconds(2));
      }
      assertThat(beta).as("rule of version v2 in force").singleElement()
          .satisfies(f -> assertThat(f).containsEntry("rule_id", "22222222-2222-4222-8222-222222222222")
              .containsEntry("rules_version", "v2"));

      kafka.produce(run.logs(), List.of(call("alpha-2", "KumoTestAlpha"), call("beta-2", "KumoTestBeta")));
      assertThat(findingsOf(kafka, run.findings(), "beta-2", Duration.ofMinutes(2))).hasSize(1);
      assertThat(findingsOf(kafka, run.findings(), "alpha-2", Duration.ZERO)).as("v1's rule is gone").isEmpty();
      assertThat(kafka.consumeAll(run.deadLetters(), true)).extracting(m -> JobFixture.fields(m.value()).get("kind"))
          .as("the update that does not compile is refused, and reported").contains("rules-update");
    } finally {
      job.cancel().get();
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
