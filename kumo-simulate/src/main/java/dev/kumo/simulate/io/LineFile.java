package dev.kumo.simulate.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A gzip text file written line by line that knows its name relative to the output root and how many
 * lines it holds, so writers can say where each record landed. Not thread-safe.
 */
public final class LineFile implements Closeable {
  private final GzipFile file;
  private final String name;
  private long lines;

  private LineFile(GzipFile file, String name) {
    this.file = file;
    this.name = name;
  }

  /** Creates {@code path} (under {@code root}) and its parent folders. */
  public static LineFile create(Path root, Path path) throws IOException {
    return new LineFile(GzipFile.create(path), Location.relative(root, path));
  }

  /** As {@link #create(Path, Path)}, compressing where {@code deflation} says. */
  public static LineFile create(Path root, Path path, Deflation deflation) throws IOException {
    return new LineFile(GzipFile.create(path, deflation), Location.relative(root, path));
  }

  /** Closes the file and counts it in {@code tally} (see {@link GzipFile#closeInto}). */
  public void closeInto(Tally tally, String source) throws IOException {
    file.closeInto(tally, source);
  }

  /**
   * Writes {@code newlines} lines held in {@code bytes} (each ending with {@code \n}) and returns the
   * location of the first.
   */
  public Location write(byte[] bytes, int len, int newlines) throws IOException {
    file.write(bytes, 0, len);
    Location at = new Location(name, lines + 1);
    lines += newlines;
    return at;
  }

  /** Writes one line (ending with {@code \n}) and returns its location. */
  public Location writeLine(byte[] bytes, int len) throws IOException {
    return write(bytes, len, 1);
  }

  /** The file's name relative to the output root. */
  public String name() {
    return name;
  }

  public long lines() {
    return lines;
  }

  public long uncompressedBytes() {
    return file.uncompressedBytes();
  }

  public long compressedBytes() {
    return file.compressedBytes();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
