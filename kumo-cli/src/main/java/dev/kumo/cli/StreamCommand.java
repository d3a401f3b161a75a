package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.flink.JobArgs;
import dev.kumo.flink.JobConfig;
import dev.kumo.flink.KumoJob;
import dev.kumo.flink.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/**
 * {@code kumo stream}: the streaming job (the same one {@code flink run} runs) on an embedded Flink
 * MiniCluster on this machine; the job's options are those of {@link JobArgs}.
 */
@Command(name = "stream", sortOptions = false,
    description = {"Run Kumo's streaming job on an embedded Apache Flink MiniCluster: raw cloud logs from Kafka "
        + "topics (or a bounded back-fill from files), the same rules, correlations and detectors as hunt, findings "
        + "to a Kafka topic exactly once (kumo.finding JSON with rules_version), unreadable records to a dead-letter "
        + "topic, rule updates from a control topic without a restart. For a cluster, use the job jar "
        + "(kumo flink-job). Prints records, events, findings and the rate when a bounded run ends."},
    footer = {"", "Options (as for flink run):", "  --bootstrap-servers HOST:PORT  --topics T1,T2 | --files PATH,PATH",
        "  --control-topic T (kumo.control)  --findings-topic T (kumo.findings)  --dead-letter-topic T (kumo.dead-letters)",
        "  --group-id G (kumo)  --rules PATH (repeatable)  --no-builtin  --intel PATH (repeatable)  --rules-version V",
        "  --bounded",
        "  --findings-file DIR  --checkpoint-dir DIR (a temporary folder)  --checkpoint-interval 10s",
        "  --out-of-orderness 15m  --idleness 1m  --tick 1m",
        "  --state-ttl 7d  --transactional-id-prefix kumo  --max-dead-letter-bytes 65536  --parallelism N",
        "", "Examples:",
        "  kumo stream --bootstrap-servers kafka:9092 --topics cloudtrail,vpcflow",
        "  kumo stream --files ./logs --findings-file ./findings --parallelism 2   # back-fill, no Kafka",
        "", "See docs/flink.md."})
final class StreamCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The job's options, as {@link JobArgs} reads them (passed through). */
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    JobConfig config = jobConfig(args, err, "kumo stream");
    if (config == null) {
      return ExitCode.USAGE;
    }
    if (config.checkpointDir() != null) {
      run(config, err);
      return ExitCode.OK;
    }
    // checkpoints go to files (the job's state is far above the 5 MB a checkpoint in memory may hold), by
    // default to a temporary folder that goes when the run ends, Ctrl-C included
    Path scratch = Files.createTempDirectory("kumo-checkpoints-");
    Thread cleanUp = new Thread(deleting(scratch), "kumo-checkpoints-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    try {
      List<String> withDir = new ArrayList<>(args);
      withDir.addAll(List.of("--checkpoint-dir", scratch.toUri().toString()));
      run(JobArgs.parse(withDir.toArray(String[]::new)), err);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanUp);
        cleanUp.run();
      } catch (IllegalStateException shuttingDown) {
        // the hook runs
      }
    }
    return ExitCode.OK;
  }

  /** The job's options read from {@code args}; null, after naming the mistake on {@code err}, when they are wrong. */
  static @Nullable JobConfig jobConfig(List<String> args, PrintWriter err, String command) {
    try {
      return JobArgs.parse(args.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + Sanitize.terminal(String.valueOf(e.getMessage())));
      err.flush();
      return null;
    }
  }

  private static void run(JobConfig config, PrintWriter err) throws Exception {
    int slots = config.parallelism() > 0 ? config.parallelism() : Runtime.getRuntime().availableProcessors();
    Configuration conf = new Configuration();
    // a failure that repeats (a broken input, not a lost machine) ends the run instead of looping
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "2 s");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(slots, conf);
    Clock clock = Clock.systemUTC();
    RuleSet rules = KumoJob.initialRules(config, clock);
    KumoJob.build(env, config, rules);
    err.println("kumo stream: rules " + Sanitize.terminal(rules.version()) + ", " + slots + " slot(s); Ctrl-C stops");
    err.flush();
    long started = System.nanoTime();
    JobExecutionResult result = env.execute("kumo");
    double seconds = (System.nanoTime() - started) / 1e9;
    KumoJob.Summary s = KumoJob.Summary.of(result);
    err.println(String.format(Locale.ROOT, "kumo stream: %,d records, %,d events, %,d findings, %,d dead letters in "
        + "%.1f s: %,.0f events/s with %d slot(s)", s.records(), s.events(), s.findings(), s.deadLetters(), seconds,
        s.events() / Math.max(seconds, 1e-3), slots));
    if (s.lateItems() > 0) {
      err.println(String.format(Locale.ROOT, "kumo stream: %,d items of correlations and detectors came after event "
          + "time had passed them and were judged without their window; for a back-fill whose files are not in time "
          + "order, give --out-of-orderness as long as the data (e.g. 3650d)", s.lateItems()));
    }
    err.flush();
  }

  private static Runnable deleting(Path folder) {
    return () -> {
      try {
        Folders.deleteTree(folder);
      } catch (IOException e) {
        // a temporary folder left behind is not worth failing the run for
      }
    };
  }
}
