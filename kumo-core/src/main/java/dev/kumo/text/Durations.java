package dev.kumo.text;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in reports and terminals. */
public final class Durations {
  private Durations() {}

  /** E.g. {@code 0s}, {@code 42s}, {@code 5m 03s}, {@code 2h 05m}, {@code 3d 04h}; negative counts as zero. */
  public static String compact(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
  }
}
