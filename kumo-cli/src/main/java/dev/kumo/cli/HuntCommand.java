package dev.kumo.cli;

import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.LoadedRules;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.sigma.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo hunt}: run Sigma rules over exported cloud logs. */
@Command(name = "hunt", sortOptions = false,
    description = "Hunt through exported cloud logs with Kumo's rules and any Sigma rules you add.",
    footer = {"", "Examples:",
        "  kumo hunt ./AWSLogs",
        "  kumo hunt ./logs --rules ./sigma/rules/cloud --min-level medium",
        "  kumo hunt ./logs --format jsonl -o findings.jsonl --summary summary.json",
        "  zcat trail.json.gz | kumo hunt -"})
final class HuntCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Log files or folders (searched recursively); '-' reads standard input.")
  List<String> paths;

  @Mixin
  RuleOptions ruleOptions;

  @Mixin
  IntelOptions intelOptions;

  @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "informational",
      description = "Lowest level shown: informational, low, medium, high, critical (default: ${DEFAULT-VALUE}).")
  String minLevel;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Findings format: table, jsonl, csv, ocsf (OCSF Detection Findings, one per line) "
          + "(default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write findings to FILE instead of stdout.")
  Path output;

  @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
  Path summary;

  @Option(names = "--from", paramLabel = "TIME", description = "Only events at or after TIME (e.g. 2024-05-01 or 2024-05-01T10:00:00Z).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Only events before TIME.")
  String to;

  @Option(names = "--no-color", description = "No colours in terminal output (also: NO_COLOR=1).")
  boolean noColor;

  @Option(names = {"-q", "--quiet"}, description = "No summary and no progress bar; findings only.")
  boolean quiet;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit with code 10 when there are findings at or above LEVEL.")
  String failOn;

  @Option(names = "--mutelist", paramLabel = "FILE",
      description = "YAML mutelist: findings matching an entry are suppressed and counted (each entry needs a reason, "
          + "an owner and an expiry date; expired entries warn and are not applied). Repeatable. A 'mutelist:' section "
          + "in the --settings file is read too.")
  List<Path> mutelists = new ArrayList<>();

  @Option(names = "--show-suppressed", description = "Keep suppressed findings in the output, marked with their entry.")
  boolean showSuppressed;

  @Option(names = "--case", paramLabel = "DIR", description = "Also store the events and findings in the case"
      + " file in DIR (created if needed; later hunts extend it, events already there are not added twice)."
      + " Query it with 'kumo query DIR'.")
  Path caseDir;

  @Option(names = "--case-raw", description = "With --case: also keep each event's whole original record"
      + " (events.raw); loading takes about twice as long and the case grows about tenfold.")
  boolean caseRaw;

  @Mixin
  IngestOptions ingest;

  @Override
  public Integer call() throws Exception {
    Level min = parseLevel(minLevel, "--min-level");
    Level fail = failOn == null ? null : parseLevel(failOn, "--fail-on");
    Instant fromTime = UserTime.parse(spec, from, "--from");
    Instant toTime = UserTime.parse(spec, to, "--to");
    List<InputFile> inputs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    boolean stdin = false;
    for (String p : paths) {
      if (p.equals("-")) {
        stdin = true;
      } else {
        files.add(Path.of(p));
      }
    }
    Inputs.Expansion expansion = Inputs.expand(files);
    for (String missing : expansion.missing()) {
      spec.commandLine().getErr().println("kumo: no such file or folder: " + dev.kumo.cli.output.Sanitize.terminal(missing));
    }
    inputs.addAll(expansion.files());
    if (stdin) {
      inputs.add(InputFile.ofStream("-", () -> System.in));
    }
    if (inputs.isEmpty()) {
      spec.commandLine().getErr().println("kumo: nothing to read" + (expansion.missing().isEmpty()
          ? " (the folders hold no files)" : ""));
      return ExitCode.NO_INPUT;
    }
    if (ingest.source != null && dev.kumo.ingest.LogSources.defaults().byId(ingest.source).isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--source: unknown log source '"
          + ingest.source + "' (known: " + String.join(", ", dev.kumo.ingest.LogSources.defaults().all().stream()
          .map(dev.kumo.ingest.LogSource::id).toList()) + ")");
    }
    LoadedRules rules = ruleOptions.load(intelOptions.load(spec.commandLine().getErr(), quiet));
    HuntOptions options = new HuntOptions(ingest.threads(), fromTime, toTime, min, ingest.strict, ingest.limits(),
        ingest.source, CorrelationLimits.DEFAULTS, HuntOptions.DEFAULT_MAX_FINDINGS_IN_MEMORY,
        Path.of(System.getProperty("java.io.tmpdir")), ruleOptions.mutelist(mutelists), showSuppressed);
    return new HuntRunner(System.out, System.err).run(inputs, rules, options,
        new HuntRunner.Output(format, output, summary, noColor, quiet, fail, caseDir, caseRaw));
  }

  private Level parseLevel(String text, String option) {
    Level l = Level.parse(text);
    if (l == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          option + ": '" + text + "' is not a level (informational, low, medium, high, critical)");
    }
    return l;
  }
}
