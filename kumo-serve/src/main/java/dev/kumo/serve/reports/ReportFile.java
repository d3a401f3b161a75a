package dev.kumo.serve.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One configured report file, read on demand: {@link #current()} re-reads it when its modification time or size
 * changed since the last read, keeps the last good version when the new one cannot be used, and says why. Nothing
 * is read until the first call. Thread-safe (one read at a time).
 *
 * @param <T> the report type
 */
public final class ReportFile<T> {
  /** Reads one report file. */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * @throws IOException when the file cannot be read
     * @throws ReportFormatException when it cannot be used as a whole
     */
    T read(Path file) throws IOException, ReportFormatException;
  }

  /**
   * What the console shows.
   *
   * @param report the last good version, or null when none could be read yet
   * @param modified the last good version's modification time, or null
   * @param failure why the file as it is now cannot be used ({@code file:line: reason}), or null when it was read
   */
  public record Snapshot<T>(Path file, @Nullable T report, @Nullable Instant modified, @Nullable String failure) {}

  private record Stamp(Instant modified, long size) {}

  private final Path file;
  private final Parser<T> parser;
  private @Nullable Stamp seen;
  private Snapshot<T> snapshot;

  public ReportFile(Path file, Parser<T> parser) {
    this.file = file;
    this.parser = parser;
    this.snapshot = new Snapshot<>(file, null, null, null);
  }

  public Path file() {
    return file;
  }

  /** The report as it is now: re-read when the file changed (modification time or size) since the last look. */
  public synchronized Snapshot<T> current() {
    Stamp now;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      now = new Stamp(a.lastModifiedTime().toInstant(), a.size());
    } catch (NoSuchFileException e) {
      return fail(null, file + ": no such file (yet)");
    } catch (IOException e) {
      return fail(null, file + ": cannot be read: " + e.getMessage());
    }
    if (now.equals(seen)) {
      return snapshot;
    }
    // The stamp is taken before reading, so a change while reading is seen (and read) on the next look.
    try {
      T report = parser.read(file);
      seen = now;
      snapshot = new Snapshot<>(file, report, now.modified(), null);
      return snapshot;
    } catch (ReportFormatException e) {
      return fail(now, String.valueOf(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      return fail(now, file + ": cannot be read: " + e.getMessage());
    }
  }

  private Snapshot<T> fail(@Nullable Stamp stamp, String why) {
    seen = stamp;
    snapshot = new Snapshot<>(file, snapshot.report(), snapshot.modified(), why);
    return snapshot;
  }
}
