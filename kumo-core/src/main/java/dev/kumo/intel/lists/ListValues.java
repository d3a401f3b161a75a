package dev.kumo.intel.lists;

import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Indicators;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks a value against the type a list or row states. */
final class ListValues {
  /** Types whose values {@link Indicators#detect} recognises reliably, so a different detection is an error. */
  private static final Set<IndicatorType> DETECTABLE = EnumSet.of(IndicatorType.IP, IndicatorType.DOMAIN,
      IndicatorType.URL, IndicatorType.EMAIL, IndicatorType.FILE_HASH);

  private ListValues() {}

  /**
   * Why {@code value} is not a {@code stated} value although it could be read as one (an address in
   * a domain list), or null when nothing contradicts it ({@link Indicators#canonical} still checks it).
   */
  static @Nullable String mismatch(@Nullable IndicatorType stated, String value) {
    if (stated == null || !DETECTABLE.contains(stated)) {
      return null;
    }
    IndicatorType detected = Indicators.detect(value);
    if (detected != null && detected != stated && DETECTABLE.contains(detected)) {
      return "'" + value + "' is a " + detected.id() + ", not a " + stated.id();
    }
    return null;
  }
}
