package dev.kumo.flink;

import java.time.Clock;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar: {@code flink run -c dev.kumo.flink.KumoJobMain kumo-flink-job.jar ARGS}
 * (see {@link JobArgs} and docs/flink.md).
 */
public final class KumoJobMain {
  private KumoJobMain() {}

  public static void main(String[] args) throws Exception {
    JobConfig config;
    try {
      config = JobArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kumo flink job: " + e.getMessage());
      System.exit(2);
      return;
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Clock clock = Clock.systemUTC();
    KumoJob.build(env, config, KumoJob.initialRules(config, clock));
    env.execute("kumo");
  }
}
