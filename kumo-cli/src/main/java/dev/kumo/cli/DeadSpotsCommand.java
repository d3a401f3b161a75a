package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Terminal;
import dev.kumo.posture.deadspot.Control;
import dev.kumo.posture.deadspot.ControlCatalog;
import dev.kumo.posture.deadspot.DeadSpotAnalyzer;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.ExerciseEvidence;
import dev.kumo.posture.deadspot.Owners;
import dev.kumo.posture.deadspot.ServiceModel;
import dev.kumo.posture.report.CsvRenderer;
import dev.kumo.posture.report.DeadSpotDocs;
import dev.kumo.posture.report.DeadSpotJson;
import dev.kumo.posture.report.HtmlRenderer;
import dev.kumo.posture.report.MarkdownRenderer;
import dev.kumo.posture.report.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kumo dead-spots}: shared-responsibility controls in scope that nobody owns, evidences or verifies. */
@Command(name = "dead-spots", sortOptions = false,
    description = {"Find shared-responsibility dead spots: the controls of Kumo's catalog (modelled on CSA CCM v4, "
        + "with ownership per service model and service) that apply to the services in your inventory and that "
        + "have no owner, no evidence, failing evidence (posture checks, missed exercise steps), or a provider "
        + "side nobody verified. Ranked exposed first, then by the report threat they leave open.",
        "Evidence: posture checks on the inventory, Kumo's detection rules for log sources that are on, exercise "
            + "results (kumo exercise's navigator-layer.json), and attestations in owners.yml."},
    footer = {"", "Examples:",
        "  kumo dead-spots --inventory ./config-snapshot/ --inventory ./aws-cli/ --owners owners.yml",
        "  kumo dead-spots --inventory ./exports --owners owners.yml --exercise ./aar --format html --output dead-spots.html",
        "  kumo dead-spots --list-controls",
        "", "owners.yml: controls:/services:/domains: map ids to teams; attestations: control, side (customer or "
            + "provider), by, date, expires, evidence. See docs/dead-spots.md.",
        "", "Exit codes: 0 done, 2 usage, 4 nothing could be read, 10 --fail and there are dead spots."})
final class DeadSpotsCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { table, json, csv, markdown, html }

  @Spec
  CommandSpec spec;

  @Mixin
  InventoryOptions inventory = new InventoryOptions();

  @Option(names = "--owners", paramLabel = "FILE", description = "The organisation's owners.yml (teams per control, "
      + "service or domain, and attestations). Without it every customer-side control is unowned.")
  Path owners;

  @Option(names = "--exercise", paramLabel = "FILE|DIR",
      description = "Exercise results as evidence: navigator-layer.json from kumo exercise (or its --report folder).")
  Path exercise;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), json (kumo.dead-spots/1), csv, markdown or html.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--fail", description = "Exit with 10 when there is at least one dead spot.")
  boolean fail;

  @Option(names = "--list-controls", description = "List the control catalog with its ownership per model and exit.")
  boolean listControls;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ControlCatalog catalog = ControlCatalog.bundled();
    if (listControls) {
      return list(catalog, out);
    }
    if (inventory.inventory.isEmpty() && inventory.prowler.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give at least one --inventory PATH");
    }
    Owners org;
    ExerciseEvidence drill;
    try {
      org = owners == null ? Owners.NONE : Owners.read(owners);
      drill = exercise == null ? null : ExerciseEvidence.read(exercise);
    } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), e instanceof java.nio.file.NoSuchFileException
          ? "no such file: " + e.getMessage() : String.valueOf(e.getMessage()));
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
    LocalDate day = LocalDate.ofInstant(inventory.clock().instant(), ZoneOffset.UTC);
    DeadSpotReport report = new DeadSpotAnalyzer(catalog, org, scan.coverage(), drill, day)
        .analyse(scan.result().inventory(), scan.result().results());
    DeadSpotDocs docs = new DeadSpotDocs();
    String text = switch (format) {
      case table -> new TextRenderer(output == null && Terminal.stdoutIsTerminal() ? Terminal.width() : TextRenderer.UNLIMITED)
          .render(docs.report(report));
      case json -> new DeadSpotJson().write(report);
      case csv -> new CsvRenderer().render(docs.table(report));
      case markdown -> new MarkdownRenderer().render(docs.report(report));
      case html -> new HtmlRenderer().render(docs.report(report));
    };
    ReportOutput.write(text, output, out);
    for (String w : report.warnings()) {
      err.println("kumo: warning: " + Sanitize.terminal(w));
    }
    err.println("kumo: " + report.deadSpots().size() + " dead spot(s) among " + report.inScope().size()
        + " controls in scope" + (output == null ? "" : "; report written to " + Sanitize.terminal(output.toString())));
    err.flush();
    return fail && !report.deadSpots().isEmpty() ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static int list(ControlCatalog catalog, PrintWriter out) {
    out.println(String.format("%-8s %-9s %-9s %-9s %-6s %s", "CONTROL", "IAAS", "PAAS", "SAAS", "VERIFY", "TITLE"));
    for (Control c : catalog.controls()) {
      out.println(String.format("%-8s %-9s %-9s %-9s %-6s %s", c.id(), c.ownership().get(ServiceModel.IAAS).id(),
          c.ownership().get(ServiceModel.PAAS).id(), c.ownership().get(ServiceModel.SAAS).id(),
          c.verify() ? "yes" : "", c.title()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
