package dev.kumo.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes, written by users as {@code 512}, {@code 64KiB}, {@code 16MiB}, {@code 1GB}, {@code 1g}. */
public record DataSize(long bytes) implements Comparable<DataSize>, java.io.Serializable {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?)b?", Pattern.CASE_INSENSITIVE);

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("size must not be negative: " + bytes);
    }
  }

  public static DataSize ofMebibytes(long mib) {
    return new DataSize(mib * 1024 * 1024);
  }

  /** Parses sizes; K/M/G/T are powers of 1024 (KiB and KB alike, as most log tools read them). */
  public static DataSize parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size; use e.g. 512, 64KiB, 16MiB or 1GiB");
    }
    double n = Double.parseDouble(m.group(1));
    int power = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 1;
      case "m" -> 2;
      case "g" -> 3;
      case "t" -> 4;
      default -> 0;
    };
    return new DataSize((long) (n * Math.pow(1024, power)));
  }

  public int toIntBytes() {
    return (int) Math.min(Integer.MAX_VALUE - 64, bytes);
  }

  @Override
  public int compareTo(DataSize o) {
    return Long.compare(bytes, o.bytes);
  }

  /** Human form, e.g. {@code 16 MiB}. */
  @Override
  public String toString() {
    return format(bytes);
  }

  public static String format(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f %s", v, units[u])
        : String.format(Locale.ROOT, "%.1f %s", v, units[u]));
  }
}
