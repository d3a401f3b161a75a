package dev.kumo.serve.reports;

import org.jspecify.annotations.Nullable;

/**
 * The report files the console shows; either may be unconfigured (null).
 *
 * @param posture the {@code kumo posture --format json} file, or null
 * @param deadSpots the {@code kumo dead-spots --format json} file, or null
 */
public record Reports(@Nullable ReportFile<PostureReport> posture, @Nullable ReportFile<DeadSpotsReport> deadSpots) {
  /** Largest report file read (a posture report of 200,000 resources is far smaller). */
  public static final long MAX_BYTES = 512L << 20;

  /** No report configured. */
  public static Reports none() {
    return new Reports(null, null);
  }

  /** The files of a configuration (nothing is read yet). */
  public static Reports of(ReportsConfig config) {
    return new Reports(
        config.posture() == null ? null : new ReportFile<>(config.posture(), new PostureReportReader(MAX_BYTES)),
        config.deadSpots() == null ? null
            : new ReportFile<>(config.deadSpots(), new DeadSpotsReportReader(MAX_BYTES)));
  }
}
