package dev.kumo.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One input to read: a file, or a stream such as stdin.
 *
 * @param name how the user named it (used in every message about it)
 * @param path the file, or null for a stream
 * @param size bytes on disk, or -1 when unknown
 */
public record InputFile(String name, @Nullable Path path, long size, @Nullable StreamOpener stream) {
  /** Opens a non-file input. */
  @FunctionalInterface
  public interface StreamOpener {
    InputStream open() throws IOException;
  }

  public static InputFile of(Path path) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      size = -1;
    }
    return new InputFile(path.toString(), path, size, null);
  }

  public static InputFile ofStream(String name, StreamOpener opener) {
    return new InputFile(name, null, -1, opener);
  }

  /** Opens the raw bytes (still compressed, if the file is). */
  public InputStream openRaw() throws IOException {
    if (path != null) {
      return Files.newInputStream(path);
    }
    return stream.open();
  }
}
