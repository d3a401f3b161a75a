package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ocsf.OcsfWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo export}: normalized events as OCSF JSON Lines. */
@Command(name = "export", sortOptions = false,
    description = "Write the normalized events of any log Kumo reads as OCSF " + OcsfWriter.OCSF_VERSION
        + " JSON Lines, in input order.",
    footer = {"", "Example:", "  kumo export --format ocsf ./logs -o events.ocsf.jsonl"})
final class ExportCommand implements Callable<Integer> {
  /** Export formats. */
  enum ExportFormat {
    ocsf
  }

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders; '-' reads standard input.")
  List<String> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ocsf",
      description = "Export format: ocsf (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--raw-data", description = "Include each original record as raw_data.")
  boolean rawData;

  @Mixin
  IngestOptions ingest;

  @Override
  public Integer call() throws IOException {
    List<InputFile> inputs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        inputs.add(InputFile.ofStream("-", () -> System.in));
      } else {
        files.add(Path.of(p));
      }
    }
    Inputs.Expansion ex = Inputs.expand(files);
    ex.missing().forEach(m -> System.err.println("kumo: no such file or folder: " + Sanitize.terminal(m)));
    inputs.addAll(0, ex.files());
    if (inputs.isEmpty()) {
      return ExitCode.NO_INPUT;
    }
    LogSources sources = LogSources.defaults();
    LogSource forced = ingest.source == null ? null : sources.byId(ingest.source)
        .orElseThrow(() -> new IllegalArgumentException("--source: unknown log source '" + ingest.source + "'"));
    LogReader reader = new LogReader(sources, ingest.limits(), forced);
    IngestStats stats = new IngestStats(20, ingest.strict ? p -> {
      throw new StrictStop(p);
    } : null);
    Writer w = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
        : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    OcsfWriter ocsf = new OcsfWriter(w, rawData);
    try {
      for (InputFile f : inputs) {
        reader.read(f, e -> {
          try {
            ocsf.write(e);
          } catch (IOException io) {
            throw new UncheckedIOException(io);
          }
        }, stats, null);
      }
    } catch (StrictStop s) {
      w.flush();
      System.err.println("kumo: --strict: " + Sanitize.terminal(s.problem.format()));
      return ExitCode.BAD_INPUT;
    } finally {
      if (output == null) {
        w.flush();
      } else {
        w.close();
      }
    }
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<String, Long> e : stats.eventsBySource().entrySet()) {
      counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    System.err.println("kumo: exported " + stats.events() + " events" + (counts.length() == 0 ? "" : " (" + counts + ")")
        + (stats.problems() > 0 ? "; skipped " + stats.problems() + " (first: "
        + Sanitize.terminal(stats.allExamples().get(0).format()) + ")" : ""));
    return ExitCode.OK;
  }

  private static final class StrictStop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient IngestProblem problem;

    StrictStop(IngestProblem problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }
}
