package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.CsvFindingWriter;
import dev.kumo.cli.output.FindingWriter;
import dev.kumo.cli.output.JsonlFindingWriter;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.export.NavigatorFindingsLayer;
import dev.kumo.export.OcsfFindingWriter;
import dev.kumo.export.StixBundleWriter;
import dev.kumo.finding.Finding;
import dev.kumo.investigate.report.CaseReportData;
import dev.kumo.investigate.report.CaseReportLoader;
import dev.kumo.investigate.report.HtmlCaseReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo report}: a case as one self-contained HTML report, or its findings in an exchange format. */
@Command(name = "report", sortOptions = false,
    description = "Write a case as one self-contained HTML report (summary, incidents and their attack chains,"
        + " timeline chart, ATT&CK heat map, top principals, filterable findings; no network needed to view it),"
        + " or export its findings for other tools: OCSF Detection Findings (class 2004) as JSON Lines or a JSON"
        + " array, an ATT&CK Navigator layer (4.5), a STIX 2.1 bundle of sightings and observed data, Kumo's"
        + " JSON Lines or CSV.",
    footer = {"", "Examples:", "  kumo report ./case -o report.html",
        "  kumo report ./case --format ocsf -o findings.ocsf.jsonl",
        "  kumo report ./case --format navigator -o layer.json",
        "  kumo report ./case --format stix -o sightings.stix.json"})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  /** What {@code kumo report} writes. */
  enum ReportFormat {
    html, ocsf, ocsf_json, navigator, stix, jsonl, csv
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html", converter = FormatConverter.class,
      description = "html (default), ocsf (JSON Lines), ocsf-json (one JSON array), navigator, stix, jsonl or csv.")
  ReportFormat format;

  @Option(names = "--include-suppressed", description = "Exports: include findings a mutelist suppressed.")
  boolean includeSuppressed;

  /** Accepts {@code ocsf-json} for {@link ReportFormat#ocsf_json}. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return ReportFormat.valueOf(value.toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
            + "' (use html, ocsf, ocsf-json, navigator, stix, jsonl or csv)");
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (CaseQuery q = CaseQuery.open(dir)) {
      String name = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
          : dir.toAbsolutePath().normalize().getFileName().toString();
      String what;
      try (Writer w = open()) {
        if (format == ReportFormat.html) {
          CaseReportData data = new CaseReportLoader(q).load(name);
          HtmlCaseReport.write(data, w);
          what = data.incidents().size() + " incidents, " + data.findings().size() + " findings";
        } else {
          List<Finding> findings = q.findings().stream()
              .filter(f -> includeSuppressed || f.suppressedBy() == null).toList();
          export(findings, "Kumo case " + name, w);
          what = findings.size() + " findings";
        }
      }
      if (output != null) {
        err.println("Wrote " + Sanitize.terminal(output.toString()) + " (" + format.name().replace('_', '-') + ", "
            + what + ")");
      }
    } catch (IOException e) {
      err.println("kumo report: " + Sanitize.terminal(String.valueOf(e.getMessage())));
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
  }

  private void export(List<Finding> findings, String name, Writer w) throws IOException {
    switch (format) {
      case ocsf, ocsf_json -> OcsfFindingWriter.writeAll(findings, w, format == ReportFormat.ocsf_json);
      case navigator -> new NavigatorFindingsLayer().write(findings, name, w);
      case stix -> new StixBundleWriter().write(findings, w);
      case jsonl, csv -> {
        FindingWriter fw = format == ReportFormat.csv ? new CsvFindingWriter(w) : new JsonlFindingWriter(w);
        for (Finding f : findings) {
          fw.write(f);
        }
        fw.finish();
      }
      default -> throw new IllegalStateException("not an export format: " + format);
    }
  }

  private Writer open() throws IOException {
    if (output == null) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
  }
}
