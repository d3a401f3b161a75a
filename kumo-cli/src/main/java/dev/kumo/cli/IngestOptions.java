package dev.kumo.cli;

import dev.kumo.config.DataSize;
import dev.kumo.ingest.IngestLimits;
import picocli.CommandLine.Option;

/** Options for reading input: limits, threads and the log source. */
public final class IngestOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads; files are read in parallel (default: all cores).")
  Integer threads;

  @Option(names = "--strict", description = "Stop at the first unreadable file or record (exit code 3).")
  boolean strict;

  @Option(names = "--source", paramLabel = "NAME",
      description = "Read every input as this log source instead of detecting it (e.g. aws.cloudtrail).")
  String source;

  @Option(names = "--max-record-size", paramLabel = "SIZE", defaultValue = "16MiB",
      description = "Largest record accepted; larger ones are skipped and counted (default: ${DEFAULT-VALUE}).")
  String maxRecordSize;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "100",
      description = "Deepest JSON nesting accepted in a record (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  IngestLimits limits() {
    return IngestLimits.DEFAULTS.withMaxRecordBytes(DataSize.parse(maxRecordSize)).withMaxNestingDepth(maxDepth);
  }

  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
