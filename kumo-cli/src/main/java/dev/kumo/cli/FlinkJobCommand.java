package dev.kumo.cli;

import dev.kumo.flink.JobArgs;
import dev.kumo.flink.JobConfig;
import dev.kumo.flink.KumoJobMain;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/**
 * {@code kumo flink-job}: checks the job's options and prints the {@code flink run} command for the
 * job jar ({@code kumo-flink/target/kumo-flink-job.jar}, built by {@code ./mvnw -pl kumo-flink -am package}).
 */
@Command(name = "flink-job", sortOptions = false,
    description = {"Check the streaming job's options and print the flink run command that submits Kumo's job jar "
        + "to an Apache Flink 2.2 cluster (build the jar with: ./mvnw -B -pl kumo-flink -am package -DskipTests; it "
        + "holds Kumo, the Kafka connector and client, not Flink). The options are those of kumo stream."},
    footer = {"", "Example:",
        "  kumo flink-job --bootstrap-servers kafka:9092 --topics cloudtrail --parallelism 8 \\",
        "      --checkpoint-dir s3://my-bucket/kumo/checkpoints", "", "See docs/flink.md."})
final class FlinkJobCommand implements Callable<Integer> {
  /** Where the build puts the job jar. */
  static final String JAR = "kumo-flink/target/kumo-flink-job.jar";

  @Spec
  CommandSpec spec;

  /** The job's options, as {@link JobArgs} reads them (passed through). */
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JobConfig config = StreamCommand.jobConfig(args, err, "kumo flink-job");
    if (config == null) {
      return ExitCode.USAGE;
    }
    StringBuilder cmd = new StringBuilder("flink run -c ").append(KumoJobMain.class.getName()).append(' ').append(JAR);
    for (String a : args) {
      cmd.append(' ').append(quote(a));
    }
    out.println(cmd);
    out.flush();
    if (config.checkpointDir() == null) {
      err.println("kumo flink-job: no --checkpoint-dir, so the cluster's execution.checkpointing.dir must be set: the "
          + "job's state is far above the 5 MB a checkpoint kept in the JobManager's memory may hold");
      err.flush();
    }
    return ExitCode.OK;
  }

  /** POSIX shell single quotes where needed. */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:,=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
