package dev.kumo.cli.output;

import java.time.Duration;
import java.util.Locale;

/** Formatting of counts, rates and durations for people. */
public final class Numbers {
  private Numbers() {}

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 1234567 to {@code 1.2M}. */
  public static String compact(double n) {
    if (n >= 1e9) {
      return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }
    if (n >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    if (n >= 1e4) {
      return String.format(Locale.ROOT, "%.0fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", n);
  }

  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d:%02d min", ms / 60_000, (ms / 1000) % 60);
  }

  public static String percent(double p) {
    return String.format(Locale.ROOT, "%.2f%%", p);
  }
}
