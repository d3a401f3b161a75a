package dev.kumo.serve.reports;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The {@code reports:} section of {@code serve.yml}: report files the console shows. Both optional.
 *
 * @param posture a {@code kumo posture --format json} file (schema {@code kumo.posture/1}), or null
 * @param deadSpots a {@code kumo dead-spots --format json} file (schema {@code kumo.dead-spots/1}), or null
 */
public record ReportsConfig(@Nullable Path posture, @Nullable Path deadSpots) {
  /** No report configured. */
  public static ReportsConfig none() {
    return new ReportsConfig(null, null);
  }
}
