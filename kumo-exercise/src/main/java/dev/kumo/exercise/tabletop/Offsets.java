package dev.kumo.exercise.tabletop;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inject offsets such as {@code +0m}, {@code +45m}, {@code +1h30m}, {@code +1d}: days, hours, minutes. */
public final class Offsets {
  private static final Pattern OFFSET = Pattern.compile("\\+(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");

  private Offsets() {}

  /**
   * Parses an offset.
   *
   * @throws IllegalArgumentException when {@code s} is not {@code +} followed by {@code Nd}, {@code Nh}, {@code Nm}
   *     parts in that order
   */
  public static Duration parse(String s) {
    Matcher m = OFFSET.matcher(s.trim());
    if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
      throw new IllegalArgumentException("bad offset '" + s + "': write it like +0m, +45m, +2h, +1h30m or +1d");
    }
    return Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)));
  }

  /** Formats an offset the way {@link #parse} reads it; zero is {@code +0m}. */
  public static String format(Duration d) {
    long minutes = d.toMinutes();
    StringBuilder sb = new StringBuilder("+");
    if (minutes / 1440 > 0) {
      sb.append(minutes / 1440).append('d');
    }
    if (minutes % 1440 / 60 > 0) {
      sb.append(minutes % 1440 / 60).append('h');
    }
    if (minutes % 60 > 0 || sb.length() == 1) {
      sb.append(minutes % 60).append('m');
    }
    return sb.toString();
  }

  private static long num(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }
}
