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

/** {@code kumo sources}: every log source Kumo reads, with layouts and an example path. */
@Command(name = "sources", description = "List the log sources Kumo reads, their layouts, OCSF class and Sigma logsources.",
    footer = {"", "Example:", "  kumo sources"})
final class SourcesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    List<SourceMapping> mappings = SourceMappings.bundled();
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
}
