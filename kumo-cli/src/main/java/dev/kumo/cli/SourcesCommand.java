package dev.kumo.cli;

import dev.kumo.detect.SourceMapping;
import dev.kumo.detect.SourceMappings;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.sigma.RuleLogsource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo sources}: every log source Kumo reads, with layouts and an example path. */
@Command(name = "sources", description = "List the log sources Kumo reads, their layouts, OCSF class and Sigma logsources.",
    footer = {"", "Example:", "  kumo sources"})
final class SourcesCommand implements Callable<Integer> {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or markdown (the README's \"What Kumo reads\" table).")
  String format;

  @Override
  public Integer call() {
    List<SourceMapping> mappings = SourceMappings.bundled();
    if ("markdown".equalsIgnoreCase(format)) {
      printMarkdown(mappings);
      return ExitCode.OK;
    }
    if (!"text".equalsIgnoreCase(format)) {
      throw new IllegalArgumentException("unknown --format '" + format + "' (use text or markdown)");
    }
    for (LogSource s : LogSources.defaults().all()) {
      String kind = s instanceof JsonLogSource && s instanceof TextLogSource ? "JSON and text"
          : s instanceof TextLogSource ? "text" : "JSON";
      System.out.println(s.id() + " — " + s.displayName() + " (" + kind + ", OCSF " + s.ocsfClass().uid() + " "
          + s.ocsfClass().caption() + ")");
      System.out.println("  example:   " + s.examplePath());
      for (String l : s.layouts()) {
        System.out.println("  layout:    " + l);
      }
      mappings.stream().filter(m -> m.sourceId().equals(s.id())).findFirst().ifPresent(m ->
          System.out.println("  sigma:     " + m.logsources().stream().map(RuleLogsource::toString)
              .collect(Collectors.joining(" "))));
      System.out.println();
    }
    System.out.println("Force a source with --source <id> on hunt and export; otherwise it is detected from content.");
    return ExitCode.OK;
  }

  private static void printMarkdown(List<SourceMapping> mappings) {
    System.out.println("| Source id | What | Layouts | OCSF class | Sigma logsource |");
    System.out.println("|---|---|---|---|---|");
    for (LogSource s : LogSources.defaults().all()) {
      String sigma = mappings.stream().filter(m -> m.sourceId().equals(s.id())).findFirst()
          .map(m -> m.logsources().stream().map(l -> "`" + l + "`").collect(Collectors.joining(" "))).orElse("");
      System.out.println("| `" + s.id() + "` | " + cell(s.displayName()) + " | "
          + s.layouts().stream().map(SourcesCommand::cell).collect(Collectors.joining("; ")) + " | "
          + s.ocsfClass().uid() + " " + s.ocsfClass().caption() + " | " + sigma + " |");
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
