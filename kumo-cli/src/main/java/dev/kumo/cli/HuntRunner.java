package dev.kumo.cli;

import dev.kumo.casestore.CaseOptions;
import dev.kumo.casestore.CaseWriter;
import dev.kumo.casestore.LoadStats;
import dev.kumo.cli.output.CsvFindingWriter;
import dev.kumo.cli.output.FindingWriter;
import dev.kumo.cli.output.JsonlFindingWriter;
import dev.kumo.cli.output.OcsfFindingOutput;
import dev.kumo.cli.output.ProgressBar;
import dev.kumo.cli.output.RulesInfo;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Style;
import dev.kumo.cli.output.SummaryJsonWriter;
import dev.kumo.cli.output.SummaryPrinter;
import dev.kumo.cli.output.TableFindingWriter;
import dev.kumo.cli.output.Terminal;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.incident.GroupingOptions;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.LoadProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;

/** Runs a hunt and writes its findings and summary: the shared back end of hunt and demo. */
final class HuntRunner {
  /** Where and how to write. */
  record Output(OutputFormat format, Path file, Path summaryFile, boolean noColor, boolean quiet, Level failOn,
      Path caseDir, boolean caseRaw) {}

  private final PrintStream stdout;
  private final PrintStream stderr;

  HuntRunner(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  int run(List<InputFile> inputs, LoadedRules rules, HuntOptions options, Output output) throws IOException {
    boolean findingsToStdout = output.file() == null;
    boolean machineStdout = findingsToStdout && output.format() != OutputFormat.table;
    // The summary goes to stdout unless stdout carries machine-readable findings.
    PrintStream summaryStream = machineStdout ? stderr : stdout;
    boolean summaryTty = machineStdout ? Terminal.stderrIsTerminal() : Terminal.stdoutIsTerminal();
    Style style = new Style(!output.noColor() && Terminal.colorAllowed() && summaryTty);

    reportRuleProblems(rules, style);
    Progress progress = new Progress();
    long totalBytes = inputs.stream().mapToLong(i -> Math.max(0, i.size())).sum();
    HuntResult result;
    ProgressBar bar = Terminal.stderrIsTerminal() && !output.quiet()
        ? new ProgressBar(progress, stderr, totalBytes, inputs.size()) : null;
    CaseWriter caseWriter = output.caseDir() == null ? null
        : CaseWriter.open(output.caseDir(), new CaseOptions(output.caseRaw(), GroupingOptions.DEFAULTS));
    try {
      result = new Hunter(rules.engine(), LogSources.defaults(), options, Clock.systemUTC(), caseWriter)
          .run(inputs, progress);
    } catch (RuntimeException | Error e) {
      if (caseWriter != null) {
        caseWriter.close();
      }
      throw e;
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    try (result; CaseWriter cw = caseWriter) {
      RulesInfo info = new RulesInfo(rules.builtinCount(), rules.userCount(), rules.correlationCount(),
          rules.rulesBySource(), rules.unrouted().size(), (int) rules.errorCount(), rules.engine().detectors().size());
      PrintWriter summaryOut = new PrintWriter(new OutputStreamWriter(summaryStream, StandardCharsets.UTF_8), true);
      if (!output.quiet()) {
        new SummaryPrinter(summaryOut, style).print(result.summary(), info);
        summaryOut.println();
        summaryOut.flush();
      }
      if (output.summaryFile() != null) {
        try (Writer w = Files.newBufferedWriter(output.summaryFile(), StandardCharsets.UTF_8)) {
          SummaryJsonWriter.write(result.summary(), info, w);
        }
      }
      long atFailLevel = 0;
      Writer w = findingsToStdout
          ? new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16)
          : Files.newBufferedWriter(output.file(), StandardCharsets.UTF_8);
      try {
        Style tableStyle = findingsToStdout ? style : new Style(false);
        int width = findingsToStdout && Terminal.stdoutIsTerminal() ? Terminal.width() : 0;
        FindingWriter writer = switch (output.format()) {
          case table -> new TableFindingWriter(w, tableStyle, width);
          case jsonl -> new JsonlFindingWriter(w);
          case csv -> new CsvFindingWriter(w);
          case ocsf -> new OcsfFindingOutput(w);
        };
        Iterator<Finding> it = result.findings();
        while (it.hasNext()) {
          Finding f = it.next();
          writer.write(f);
          if (cw != null) {
            cw.finding(f);
          }
          if (output.failOn() != null && f.level().atLeast(output.failOn())) {
            atFailLevel++;
          }
        }
        writer.finish();
      } finally {
        if (findingsToStdout) {
          w.flush();
        } else {
          w.close();
        }
      }
      if (cw != null) {
        LoadStats load = cw.finish();
        if (!output.quiet()) {
          String dir = Sanitize.terminal(output.caseDir().toString());
          summaryOut.println("Case " + dir + ": " + load.eventsAdded() + " new events (of " + load.eventsSeen()
              + "), " + load.findingsAdded() + " new findings (of " + load.findingsSeen() + "), "
              + load.linksAdded() + " new identity links; " + load.incidents() + " incidents in the case");
          summaryOut.println("  investigate: kumo incidents " + dir + " | kumo timeline " + dir
              + " --principal ARN | kumo report " + dir + " -o report.html | kumo query " + dir + " \"SQL\"");
          summaryOut.flush();
        }
      }
      if (!findingsToStdout && !output.quiet()) {
        summaryOut.println("Findings written to " + Sanitize.terminal(output.file().toString()) + " ("
            + output.format() + ")");
        summaryOut.flush();
      }
      if (result.summary().aborted()) {
        return ExitCode.BAD_INPUT;
      }
      if (result.summary().files() == 0 && !inputs.isEmpty()) {
        return ExitCode.NO_INPUT;
      }
      return atFailLevel > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
  }

  private void reportRuleProblems(LoadedRules rules, Style style) {
    List<LoadProblem> errors = rules.problems().stream().filter(LoadProblem::isError).toList();
    for (LoadProblem p : errors.subList(0, Math.min(20, errors.size()))) {
      stderr.println(style.red("rule not loaded: ") + Sanitize.terminal(p.format()));
    }
    if (errors.size() > 20) {
      stderr.println("... " + (errors.size() - 20) + " more rule errors; run 'kumo rules lint' to see all");
    }
    for (LoadProblem p : rules.tuningWarnings()) {
      stderr.println(style.yellow("warning: ") + Sanitize.terminal(p.format()));
    }
  }
}
