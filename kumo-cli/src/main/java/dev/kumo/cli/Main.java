package dev.kumo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code kumo} command. */
@Command(name = "kumo", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class,
    description = {"Kumo finds attackers in cloud logs and helps you respond.", ""},
    subcommands = {HuntCommand.class, DemoCommand.class, RulesCommand.class, SourcesCommand.class,
        ExportCommand.class, BenchCommand.class, ReplayCommand.class, SimulateCommand.class, ExerciseCommand.class,
        TabletopCommand.class, QueryCommand.class, TimelineCommand.class, PrincipalsCommand.class, ReportCommand.class,
        IncidentsCommand.class, IntelCommand.class, RespondCommand.class,
        EvidenceCommand.class, PostureCommand.class, DeadSpotsCommand.class, ServeCommand.class,
        StreamCommand.class, FlinkJobCommand.class,
        HelpCommand.class},
    footer = {"", "Examples (one per command):",
        "  kumo demo                                   hunt the bundled demo dataset",
        "  kumo hunt ./AWSLogs --min-level medium      hunt exported CloudTrail logs",
        "  kumo rules lint ./my-rules                  check Sigma rules load and compile",
        "  kumo rules explain <rule-id|name|file>      show a rule's compiled form",
        "  kumo rules test                             run the built-in pack's rule tests",
        "  kumo sources                                list the log sources Kumo reads",
        "  kumo export --format ocsf ./logs            write normalized events as OCSF",
        "  kumo bench ./AWSLogs                        measure parse and hunt throughput",
        "  kumo query ./case --saved                   SQL over a case made by 'kumo hunt --case'",
        "  kumo replay ./logs --size 1GiB -o corpus    build a benchmark corpus",
        "  kumo simulate --background-only --events 1000000 -o sim   write a synthetic organisation's logs",
        "  kumo exercise --scenario all                drill: simulate attacks, score what was detected",
        "  kumo tabletop run ransomware-s3             play a response exercise, get an after-action report",
        "  kumo intel import ./feeds                   add threat intel that every hunt then matches",
        "  kumo respond plan --instance i-0abc --account 111122223333 --region us-east-1   a response plan",
        "  kumo evidence verify ./case                 check a case's chain-of-custody ledger",
        "",
        "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input (--strict), 4 no input,",
        "            5 rule errors or failed rule tests, 10 findings at --fail-on level."})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      PrintWriter err = line.getErr();
      if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
        err.println("kumo: " + dev.kumo.cli.output.Sanitize.terminal(String.valueOf(ex.getMessage())));
        return ExitCode.NO_INPUT;
      }
      if (ex instanceof IllegalArgumentException) {
        err.println("kumo: " + dev.kumo.cli.output.Sanitize.terminal(String.valueOf(ex.getMessage())));
        return ExitCode.USAGE;
      }
      err.println("kumo: internal error: " + ex);
      if (System.getenv("KUMO_DEBUG") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("(set KUMO_DEBUG=1 for the stack trace, and please report it)");
      }
      return ExitCode.SOFTWARE;
    });
    return cl.execute(args);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kumo " + (v == null ? "dev" : v),
          "ATT&CK data " + dev.kumo.attack.AttackCatalog.bundled().version() + " (© The MITRE Corporation)"};
    }
  }
}
