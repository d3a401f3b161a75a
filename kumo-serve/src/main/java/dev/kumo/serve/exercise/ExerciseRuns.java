package dev.kumo.serve.exercise;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.report.ExerciseDocument;
import dev.kumo.exercise.report.ExerciseJsonReader;
import dev.kumo.exercise.report.ReportFolder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The folder of exercise runs: one subfolder per run holding what {@code kumo exercise --report} writes. A run is
 * named by its folder; a name is accepted only when it is made of {@code [A-Za-z0-9._-]}, does not start with a
 * dot, and resolves to a folder directly inside the runs folder (no traversal, no symbolic link). Folders whose
 * name starts with a dot (drills being written) are not listed. Thread-safe; reads the disk on every call.
 */
public final class ExerciseRuns {
  /** What a run name may be. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  /** Most runs listed (newest first). */
  public static final int MAX_LISTED = 500;

  private final Path dir;
  private final ExerciseJsonReader reader = new ExerciseJsonReader();

  public ExerciseRuns(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The runs folder. */
  public Path dir() {
    return dir;
  }

  /** Whether {@code name} is a well-formed run name (it may still not exist). */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  /** The run's folder, when the name is valid and names a folder directly inside the runs folder. */
  public Optional<Path> folder(String name) {
    if (!validName(name)) {
      return Optional.empty();
    }
    Path p = dir.resolve(name).normalize();
    if (!dir.equals(p.getParent()) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** A file of a run (e.g. {@link ReportFolder#LAYER_FILE}), when the run and a regular file of that name exist. */
  public Optional<Path> file(String name, String file) {
    return folder(name).map(f -> f.resolve(file))
        .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * The run's result read from its {@code exercise.json}; empty when there is no such run or it has no result.
   *
   * @throws dev.kumo.exercise.report.ExerciseJsonException when the file is not a {@code kumo.exercise/1} document
   */
  public Optional<ExerciseDocument> read(String name) throws IOException {
    Optional<Path> f = file(name, ReportFolder.JSON_FILE);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(reader.read(f.get()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The runs, newest first (then by name); a run whose result cannot be read is listed with the problem. */
  public List<RunSummary> list() throws IOException {
    List<RunSummary> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (!validName(name) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        out.add(summary(name, p));
      }
    }
    out.sort(Comparator.comparing(RunSummary::when).reversed().thenComparing(RunSummary::name));
    return out.size() > MAX_LISTED ? new ArrayList<>(out.subList(0, MAX_LISTED)) : out;
  }

  private RunSummary summary(String name, Path folder) {
    Path json = folder.resolve(ReportFolder.JSON_FILE);
    try {
      if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
        return broken(name, folder, "no " + ReportFolder.JSON_FILE + " in the run folder");
      }
      ExerciseDocument d = reader.read(json);
      ExerciseResult r = d.result();
      return new RunSummary(name, r.generatedAt(), r.scenarios().stream().map(Scenario::id).toList(),
          r.steps().size(), r.detected(), r.missed().size(), r.detectionPercent(), r.falsePositives(), d.seed(),
          null);
    } catch (IOException | RuntimeException e) {
      String where = dir.relativize(json).toString();
      String m = String.valueOf(e.getMessage());
      return broken(name, folder, m.startsWith(json.toString()) ? where + m.substring(json.toString().length())
          : where + ": " + m);
    }
  }

  private static RunSummary broken(String name, Path folder, String problem) {
    Instant when;
    try {
      when = Files.getLastModifiedTime(folder).toInstant();
    } catch (IOException e) {
      when = Instant.EPOCH;
    }
    return new RunSummary(name, when, List.of(), 0, 0, 0, 0, 0, null, problem);
  }
}
