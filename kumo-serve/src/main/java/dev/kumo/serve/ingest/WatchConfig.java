package dev.kumo.serve.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the watched-directory input.
 *
 * @param dir the folder to watch
 * @param interval time between polls; a file is taken once two polls in a row saw the same size and mtime
 * @param recursive also watch the folders below {@code dir}
 */
public record WatchConfig(Path dir, Duration interval, boolean recursive) {
  public WatchConfig {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the watch interval must be positive, got " + interval);
    }
  }
}
