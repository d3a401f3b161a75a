package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo report}: a case as one self-contained HTML report, or its findings in an exchange format. */
@Command(name = "report", sortOptions = false,
    description = "Write a case as one self-contained HTML report (summary, incidents and their attack chains,"
        + " timeline chart, ATT&CK heat map, top principals, filterable findings; no network needed to view it).",
    footer = {"", "Examples:", "  kumo report ./case -o report.html"})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
      description = "html (default).")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("html")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: unknown format '" + format
          + "' (use html)");
    }
    try (CaseQuery q = CaseQuery.open(dir)) {
      String name = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
          : dir.toAbsolutePath().normalize().getFileName().toString();
      CaseReportData data = new CaseReportLoader(q).load(name);
      try (Writer w = open()) {
        HtmlCaseReport.write(data, w);
      }
      if (output != null) {
        err.println("Report written to " + Sanitize.terminal(output.toString()) + " (" + data.incidents().size()
            + " incidents, " + data.findings().size() + " findings)");
      }
    } catch (IOException e) {
      err.println("kumo report: " + Sanitize.terminal(String.valueOf(e.getMessage())));
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
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
