package dev.kumo.posture.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The files a reader reads from its path: the path itself, or the export files directly in a folder. */
public final class ExportFiles {
  private ExportFiles() {}

  /**
   * {@code path} itself when it is not a folder; else the regular files directly in it whose names end, in any
   * case, with one of {@code extensions} (e.g. {@code .json}), sorted.
   */
  public static List<Path> of(Path path, String... extensions) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> hasExtension(p, extensions) && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static boolean hasExtension(Path p, String... extensions) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
