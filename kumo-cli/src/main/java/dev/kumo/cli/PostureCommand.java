package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Terminal;
import dev.kumo.posture.PostureResult;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.report.CsvRenderer;
import dev.kumo.posture.report.HtmlRenderer;
import dev.kumo.posture.report.MarkdownRenderer;
import dev.kumo.posture.report.PostureDocs;
import dev.kumo.posture.report.PostureJson;
import dev.kumo.posture.report.TextRenderer;
import dev.kumo.sigma.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo posture}: misconfiguration checks on cloud inventory exports, ranked exposed-and-blind first.
 */
@Command(name = "posture", sortOptions = false,
    description = {"Check cloud inventory exports for the misconfigurations attackers use (public storage and "
        + "snapshots, open admin ports, IMDSv1, admin workload roles, logging and threat detection off, no "
        + "backups lock, no billing alarm, ...) across AWS, Azure and GCP, and rank what fails \"exposed and "
        + "blind\" first: a misconfiguration whose exploitation no log source records, or no active rule reads.",
        "Prowler OCSF findings can be imported and are ranked with the rest."},
    footer = {"", "Examples:",
        "  kumo posture --inventory ./config-snapshot.json.gz --inventory ./aws-cli-outputs/",
        "  kumo posture --inventory plan.json --fail-on high            # in CI, before terraform apply",
        "  kumo posture --inventory ./exports --prowler prowler.ocsf.json --format html --output posture.html",
        "  kumo posture --list-checks",
        "", "Exit codes: 0 done, 2 usage, 4 nothing could be read, 10 --fail-on and a failure at or above it."})
final class PostureCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { table, json, csv, markdown, html }

  @Spec
  CommandSpec spec;

  @Mixin
  InventoryOptions inventory = new InventoryOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), json (JSON Lines, kumo.posture/1: every result), csv (failing, ranked), "
          + "markdown or html (report).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit with 10 when a check at or above LEVEL fails (critical, high, medium, low).")
  String failOn;

  @Option(names = "--list-checks", description = "List the built-in checks and exit.")
  boolean listChecks;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (listChecks) {
      return list(out);
    }
    Level failLevel = failOn == null ? null : Level.parse(failOn);
    if (failOn != null && failLevel == null) {
      throw new ParameterException(spec.commandLine(), "--fail-on: unknown level '" + failOn + "'");
    }
    if (inventory.inventory.isEmpty() && inventory.prowler.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give at least one --inventory PATH (or --prowler FILE)");
    }
    InventoryOptions.Scan scan;
    try {
      scan = inventory.scan(err);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
    }
    if (scan.empty()) {
      err.println("kumo: nothing could be read from the given inventory paths");
      err.flush();
      return ExitCode.NO_INPUT;
    }
    PostureResult r = scan.result();
    PostureDocs docs = new PostureDocs();
    String text = switch (format) {
      case table -> new TextRenderer(output == null && Terminal.stdoutIsTerminal() ? Terminal.width() : TextRenderer.UNLIMITED)
          .render(docs.report(r));
      case json -> String.join("\n", new PostureJson().lines(r)) + (r.results().isEmpty() ? "" : "\n");
      case csv -> new CsvRenderer().render(docs.csv(r));
      case markdown -> new MarkdownRenderer().render(docs.report(r));
      case html -> new HtmlRenderer().render(docs.report(r));
    };
    ReportOutput.write(text, output, out);
    err.println("kumo: " + r.inventory().size() + " resources, " + r.count(Status.FAIL) + " failing ("
        + r.ranked().stream().filter(RankedResult::exposedAndBlind).count() + " exposed and blind), "
        + r.count(Status.UNKNOWN) + " unknown; " + r.inventory().problems().size() + " input problem(s)"
        + (output == null ? "" : "; report written to " + Sanitize.terminal(output.toString())));
    err.flush();
    if (failLevel != null && r.ranked().stream().anyMatch(x -> x.result().check().severity().atLeast(failLevel))) {
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }

  private static int list(PrintWriter out) {
    out.println(String.format("%-40s %-9s %-20s %s", "CHECK", "SEVERITY", "THREAT", "TITLE"));
    for (Check c : BuiltinChecks.all()) {
      CheckMeta m = c.meta();
      out.println(String.format("%-40s %-9s %-20s %s", m.id(), m.severity().id(), m.threat().id(), m.title()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
