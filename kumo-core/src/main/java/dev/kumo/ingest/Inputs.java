package dev.kumo.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths a user gives into input files: folders are walked recursively (hidden files and
 * folders are left out), and files are sorted by path so runs are reproducible.
 */
public final class Inputs {
  private Inputs() {}

  /** The result: inputs found, and paths that do not exist. */
  public record Expansion(List<InputFile> files, List<String> missing) {}

  public static Expansion expand(List<Path> paths) {
    List<InputFile> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p, FileVisitOption.FOLLOW_LINKS)) {
          s.filter(f -> !isHidden(p, f)).filter(Files::isRegularFile).sorted().map(InputFile::of).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          missing.add(p + " (cannot list folder: " + e.getMessage() + ")");
        }
      } else if (Files.isRegularFile(p)) {
        files.add(InputFile.of(p));
      } else {
        missing.add(p.toString());
      }
    }
    return new Expansion(files, missing);
  }

  private static boolean isHidden(Path root, Path file) {
    Path rel = root.relativize(file);
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
