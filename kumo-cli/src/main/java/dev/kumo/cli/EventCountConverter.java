package dev.kumo.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Event counts as users write them: {@code 20000}, {@code 500K}, {@code 10M}, {@code 1G} (powers of 1000). */
final class EventCountConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.strip().replace("_", "").replace(",", "").toUpperCase(Locale.ROOT);
    long unit = 1;
    if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
      unit = v.endsWith("K") ? 1_000L : v.endsWith("M") ? 1_000_000L : 1_000_000_000L;
      v = v.substring(0, v.length() - 1);
    }
    try {
      double n = Double.parseDouble(v);
      if (!(n > 0) || n * unit > Long.MAX_VALUE / 2) {
        throw new TypeConversionException("'" + value + "' is not a positive event count");
      }
      return Math.round(n * unit);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not an event count (e.g. 20000, 500K, 10M)");
    }
  }
}
