package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Style;
import dev.kumo.cli.output.Terminal;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.LabelReader;
import dev.kumo.exercise.drill.LabelSet;
import dev.kumo.exercise.drill.ScenarioDrill;
import dev.kumo.exercise.drill.ScenarioSource;
import dev.kumo.exercise.drill.SimulatedScenarios;
import dev.kumo.exercise.drill.Scorer;
import dev.kumo.exercise.report.ExerciseJsonWriter;
import dev.kumo.exercise.report.HtmlReport;
import dev.kumo.exercise.report.MarkdownReport;
import dev.kumo.exercise.report.NavigatorLayer;
import dev.kumo.exercise.report.ReportFolder;
import dev.kumo.exercise.report.TerminalReport;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.ingest.Inputs;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.LoadProblem;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo exercise}: hunt labelled logs and score each attack step against the labels. */
@Command(name = "exercise", sortOptions = false,
    description = {"Detection drill: hunt labelled logs with Kumo's rules and score every labelled attack step: "
        + "detected or missed (and why: no rule, rule muted, rule did not fire, log source absent), rules that "
        + "fired, time to detect (event time) and false positives on unlabelled events.",
        "Writes an after-action report (Markdown, HTML), an ATT&CK Navigator layer (format 4.5) and the "
            + "machine-readable result exercise.json (schema kumo.exercise/1)."},
    footer = {"", "Examples:",
        "  kumo exercise --logs ./stratus/detonation-logs --labels stratus.labels.jsonl",
        "  kumo exercise --logs ./drill/logs --labels ./drill/labels.jsonl --report ./aar",
        "  kumo exercise --logs ./drill/logs --labels ./drill/labels.jsonl --format navigator > layer.json",
        "", "Labels: JSON Lines, one object per labelled event (schema kumo.labels/1): event_id or file+line, "
            + "source, time, scenario, step, technique, tactic."})
final class ExerciseCommand implements Callable<Integer> {
  /** Report formats. */
  enum Format { table, markdown, html, navigator, json, all }

  static final String MARKDOWN_FILE = ReportFolder.MARKDOWN_FILE;
  static final String HTML_FILE = ReportFolder.HTML_FILE;
  static final String LAYER_FILE = ReportFolder.LAYER_FILE;
  static final String JSON_FILE = ReportFolder.JSON_FILE;

  /** Where --scenario runs come from: Kumo's simulator. */
  ScenarioSource scenarioSource = new SimulatedScenarios();

  @Option(names = "--keep-logs", paramLabel = "DIR",
      description = "With --scenario: write the simulated logs and labels to DIR and keep them (default: a "
          + "temporary folder, deleted afterwards).")
  Path keepLogs;

  @Spec
  CommandSpec spec;

  @Option(names = "--logs", paramLabel = "DIR", description = "Labelled logs to hunt (folder or file).")
  Path logs;

  @Option(names = "--labels", paramLabel = "FILE", description = "Labels of the logs (kumo.labels/1 JSON Lines).")
  Path labels;

  @Option(names = "--scenario", paramLabel = "ID|all", split = ",",
      description = "Simulate these scenarios and score them (instead of --logs/--labels).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of simulated scenario runs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  RuleOptions ruleOptions;

  @Mixin
  IntelOptions intelOptions;

  @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "informational",
      description = "Lowest level that counts as a detection; lower findings count as muted (default: ${DEFAULT-VALUE}).")
  String minLevel;

  @Option(names = "--mutelist", paramLabel = "FILE",
      description = "YAML mutelist, as for hunt: suppressed findings do not count as detections. Repeatable.")
  List<Path> mutelists = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write " + MARKDOWN_FILE + ", " + HTML_FILE + ", " + LAYER_FILE + " and " + JSON_FILE
          + " (kumo.exercise/1) into DIR.")
  Path report;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, markdown, html, navigator, json or all (default: all with --report, else table). "
          + "Without --report, markdown, html, navigator and json are printed to standard output.")
  Format format;

  @Option(names = "--no-color", description = "No colours in terminal output (also: NO_COLOR=1).")
  boolean noColor;

  @Mixin
  IngestOptions ingest;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!scenarios.isEmpty()) {
      if (logs != null || labels != null) {
        throw new ParameterException(spec.commandLine(), "--scenario cannot be combined with --logs/--labels");
      }
      if (!scenarioSource.available()) {
        err.println("kumo: scenario runs not available yet; score labelled logs with --logs DIR --labels FILE");
        return ExitCode.NO_INPUT;
      }
      Path work = keepLogs != null ? keepLogs : Files.createTempDirectory("kumo-exercise-");
      ScenarioSource.Run run;
      try {
        run = scenarioSource.run(scenarios, seed, work);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
      }
      logs = run.logsDir();
      labels = run.labelsFile();
      if (keepLogs == null) {
        try {
          return score(err);
        } finally {
          ScenarioDrill.deleteTree(work);
        }
      }
    }
    return score(err);
  }

  private int score(PrintWriter err) throws Exception {
    if (logs == null || labels == null) {
      throw new ParameterException(spec.commandLine(), "give --logs DIR and --labels FILE (or --scenario ID|all)");
    }
    Level min = Level.parse(minLevel);
    if (min == null) {
      throw new ParameterException(spec.commandLine(),
          "--min-level: '" + minLevel + "' is not a level (informational, low, medium, high, critical)");
    }
    if (ingest.source != null && dev.kumo.ingest.LogSources.defaults().byId(ingest.source).isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--source: unknown log source '" + ingest.source + "'");
    }
    if (!Files.exists(logs) || Inputs.expand(List.of(logs)).files().isEmpty()) {
      err.println("kumo: nothing to read: " + Sanitize.terminal(logs.toString())
          + (Files.exists(logs) ? " holds no files" : " does not exist"));
      return ExitCode.NO_INPUT;
    }
    if (!Files.isRegularFile(labels)) {
      err.println("kumo: labels file not found: " + Sanitize.terminal(labels.toString()));
      return ExitCode.NO_INPUT;
    }
    LabelSet labelSet = new LabelReader().read(labels);
    if (labelSet.labels().isEmpty()) {
      err.println("kumo: no usable label in " + Sanitize.terminal(labels.toString()) + " (" + labelSet.skipped()
          + " line(s) skipped" + (labelSet.problems().isEmpty() ? "" : "; first: "
          + Sanitize.terminal(labelSet.problems().get(0).toString())) + ")");
      return ExitCode.NO_INPUT;
    }
    Style style = new Style(!noColor && Terminal.colorAllowed() && Terminal.stderrIsTerminal());
    LoadedRules rules = ruleOptions.load(intelOptions.load(err, false));
    for (LoadProblem p : rules.problems().stream().filter(LoadProblem::isError).limit(20).toList()) {
      err.println(style.red("rule not loaded: ") + Sanitize.terminal(p.format()));
    }
    for (LoadProblem p : rules.tuningWarnings()) {
      err.println(style.yellow("warning: ") + Sanitize.terminal(p.format()));
    }
    HuntOptions options = new HuntOptions(ingest.threads(), null, null, min, ingest.strict, ingest.limits(),
        ingest.source, CorrelationLimits.DEFAULTS, HuntOptions.DEFAULT_MAX_FINDINGS_IN_MEMORY,
        Path.of(System.getProperty("java.io.tmpdir")), ruleOptions.mutelist(mutelists), false);
    ExerciseResult result = new Scorer(rules, options).score(logs, labelSet);

    Format f = format != null ? format : report != null ? Format.all : Format.table;
    Long runSeed = scenarios.isEmpty() ? null : seed;
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (report != null) {
      ReportFolder.write(result, runSeed, report, parts(f));
    }
    if (report == null && f != Format.table && f != Format.all) {
      switch (f) {
        case markdown -> new MarkdownReport().write(result, out);
        case html -> new HtmlReport().write(result, out);
        case json -> new ExerciseJsonWriter().write(result, runSeed, out);
        default -> {
          new NavigatorLayer().write(result, ReportFolder.layerName(result), out);
          out.println();
        }
      }
    } else {
      boolean color = !noColor && Terminal.colorAllowed() && Terminal.stdoutIsTerminal();
      new TerminalReport(color).write(result, out);
      if (report != null) {
        out.println("Reports written to " + Sanitize.terminal(report.toString()) + " ("
            + (f == Format.all ? MARKDOWN_FILE + ", " + HTML_FILE + ", " + LAYER_FILE + ", " + JSON_FILE : f.name())
            + ")");
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The report files a format writes into --report DIR. */
  private static Set<ReportFolder.Part> parts(Format f) {
    return switch (f) {
      case markdown -> EnumSet.of(ReportFolder.Part.MARKDOWN);
      case html -> EnumSet.of(ReportFolder.Part.HTML);
      case navigator -> EnumSet.of(ReportFolder.Part.NAVIGATOR);
      case json -> EnumSet.of(ReportFolder.Part.JSON);
      case all -> EnumSet.allOf(ReportFolder.Part.class);
      default -> EnumSet.noneOf(ReportFolder.Part.class);
    };
  }
}
