package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of the commands that print rows of a case ({@code query},
 * {@code principals}, {@code timeline}), and the run around their output: open the case read-only,
 * print the rows to stdout as a table, CSV or JSON Lines, and report a case that cannot be read on
 * stderr (escaped for the terminal) with exit code {@link ExitCode#BAD_INPUT}.
 */
final class CaseRows {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv or jsonl.")
  String format;

  /**
   * What a command prints: rows into {@code sink} ({@code w} is the same stdout, for text above the
   * rows); returns a note for stderr after the rows, or null.
   */
  @FunctionalInterface
  interface Body {
    @Nullable String print(CaseQuery q, CaseQuery.RowSink sink, Writer w) throws IOException;
  }

  /** Whether the rows are an aligned table (for a terminal reader). */
  boolean table() {
    return format.equalsIgnoreCase("table");
  }

  /** Runs {@code body} over the case in {@code dir}; returns the exit code. */
  int print(CommandSpec spec, Path dir, Body body) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    CaseQuery.RowSink sink = QuerySinks.of(format, w, spec);
    try (CaseQuery q = CaseQuery.open(dir)) {
      String note = body.print(q, sink, w);
      QuerySinks.finish(sink);
      if (note != null) {
        w.flush();
        spec.commandLine().getErr().println("kumo " + spec.name() + ": " + note);
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("kumo " + spec.name() + ": " + String.join("\n  ",
          String.valueOf(e.getMessage()).lines().map(Sanitize::terminal).toList()));
      return ExitCode.BAD_INPUT;
    } finally {
      w.flush();
    }
    return ExitCode.OK;
  }
}
