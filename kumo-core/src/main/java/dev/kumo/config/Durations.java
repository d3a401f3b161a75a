package dev.kumo.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 2w}. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([smhdwMy])");

  private Durations() {}

  /**
   * Parses {@code <number><unit>} with unit s, m, h, d, w, M (month of 30.44 days) or y.
   *
   * @throws IllegalArgumentException with a one-line reason otherwise
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not <number><unit> with unit s, m, h, d or w");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      case "M" -> Duration.ofSeconds(2_629_746L * n);
      default -> Duration.ofSeconds(31_556_952L * n);
    };
  }

  /** The shortest exact form: {@code 90m} → {@code 90m}, {@code 7d}, {@code 45s}. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s != 0 && s % 604_800 == 0) {
      return s / 604_800 + "w";
    }
    if (s != 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
