package dev.kumo.simulate.io;

import java.nio.file.Path;

/**
 * Where a writer put a record: the file, relative to the output root with {@code /} separators, and
 * the 1-based line number in the file's uncompressed text (for a multi-line record, its first line).
 */
public record Location(String file, long line) {
  public Location {
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + line);
    }
  }

  /** {@code file} relative to {@code root}, with {@code /} separators. */
  public static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
