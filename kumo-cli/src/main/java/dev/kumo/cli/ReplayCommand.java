package dev.kumo.cli;

import dev.kumo.cli.output.Numbers;
import dev.kumo.config.DataSize;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.json.JsonObject;
import dev.kumo.replay.CloudTrailReplayer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo replay}: build a benchmark corpus from real CloudTrail logs. */
@Command(name = "replay", sortOptions = false,
    description = "Replay real CloudTrail records, with fresh ids and times, into a corpus of delivery files.",
    footer = {"", "Example:", "  kumo replay ../shared/data --size 1GiB -o /tmp/corpus && kumo bench /tmp/corpus"})
final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "CloudTrail files or folders to replay.")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder to write (created).")
  Path output;

  @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1GiB",
      description = "Bytes of JSON to write (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--file-size", paramLabel = "SIZE", defaultValue = "8MiB",
      description = "JSON bytes per delivery file (default: ${DEFAULT-VALUE}).")
  String fileSize;

  @Option(names = "--no-gzip", description = "Write .json instead of .json.gz.")
  boolean noGzip;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--copies", paramLabel = "N",
      description = "Instead of replaying CloudTrail, write N byte-for-byte copies of every input file (any log"
          + " source), for per-source benchmarks.")
  Integer copies;

  @Override
  public Integer call() throws Exception {
    Inputs.Expansion in = Inputs.expand(paths);
    List<InputFile> files = in.files();
    if (copies != null) {
      return copy(files);
    }
    List<JsonObject> records = CloudTrailReplayer.readRecords(files);
    if (records.isEmpty()) {
      System.err.println("kumo: no CloudTrail records found in the given paths");
      return ExitCode.NO_INPUT;
    }
    CloudTrailReplayer.Result r = new CloudTrailReplayer(DataSize.parse(size).bytes(), DataSize.parse(fileSize).bytes(),
        !noGzip, seed).write(records, output);
    System.out.println("Replayed " + Numbers.count(records.size()) + " source records into " + Numbers.count(r.events())
        + " events in " + Numbers.count(r.files()) + " files: " + DataSize.format(r.jsonBytes()) + " of JSON, "
        + DataSize.format(r.diskBytes()) + " on disk, under " + output);
    return ExitCode.OK;
  }

  private Integer copy(List<InputFile> files) throws java.io.IOException {
    long bytes = 0;
    for (int i = 0; i < copies; i++) {
      java.nio.file.Path dir = output.resolve(String.format(java.util.Locale.ROOT, "copy-%05d", i));
      java.nio.file.Files.createDirectories(dir);
      int n = 0;
      for (InputFile f : files) {
        String name = f.path() == null ? "stdin" : f.path().getFileName().toString();
        java.nio.file.Path target = dir.resolve(String.format(java.util.Locale.ROOT, "%04d-%s", n++, name));
        java.nio.file.Files.copy(f.path(), target);
        bytes += java.nio.file.Files.size(target);
      }
    }
    System.out.println("Wrote " + copies + " copies of " + files.size() + " files (" + DataSize.format(bytes)
        + ") under " + output);
    return ExitCode.OK;
  }
}
