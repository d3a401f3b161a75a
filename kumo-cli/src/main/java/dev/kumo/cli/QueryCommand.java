package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import dev.kumo.cli.output.Sanitize;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo query}: read-only SQL over a case made by {@code kumo hunt --case}. */
@Command(name = "query", description = "Run read-only SQL over a case (tables events, findings, incidents; view"
    + " principals). Writes are refused.",
    footer = {"", "Examples:", "  kumo query ./case \"SELECT principal, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC\"",
        "  kumo query ./case --saved                                   list the saved queries",
        "  kumo query ./case --saved console-logins-without-mfa --format csv"})
final class QueryCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SQL", description = "One SELECT (or WITH, FROM, DESCRIBE,"
      + " SHOW, SUMMARIZE, EXPLAIN) statement.")
  String sql;

  @Option(names = "--saved", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
      description = "Run a saved query; without NAME, list them.")
  String saved;

  @Mixin
  CaseRows rows;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (saved != null && saved.isEmpty() && sql == null) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      for (String name : CaseQuery.SAVED) {
        out.printf("%-32s %s%n", name, CaseQuery.savedDescription(name));
      }
      out.flush();
      return ExitCode.OK;
    }
    String text;
    if (saved != null && !saved.isEmpty()) {
      if (sql != null) {
        err.println("kumo query: give either SQL or --saved NAME, not both");
        return ExitCode.USAGE;
      }
      text = CaseQuery.saved(saved).orElse(null);
      if (text == null) {
        err.println("kumo query: no saved query '" + Sanitize.terminal(saved) + "' (known: "
            + String.join(", ", CaseQuery.SAVED) + ")");
        return ExitCode.USAGE;
      }
    } else if (sql == null) {
      err.println("kumo query: give SQL or --saved NAME (tables: " + String.join(", ", CaseSchema.RELATIONS) + ")");
      return ExitCode.USAGE;
    } else {
      text = sql;
    }
    try {
      return rows.print(spec, dir, (q, sink, w) -> {
        q.run(text, sink);
        return null;
      });
    } catch (CaseQuery.QueryRefusedException e) {
      err.println("kumo query: refused: " + Sanitize.terminal(e.getMessage()));
      return ExitCode.USAGE;
    }
  }
}
