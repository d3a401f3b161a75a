package dev.kumo.sigma.value;

import dev.kumo.time.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;

/**
 * The timestamp-part modifiers ({@code minute hour day week month year}): extracts that part of a
 * date-time value, in UTC, and tests it with a numeric matcher. Values that are not timestamps never
 * match.
 */
public record TimePartMatcher(Part part, NumberMatcher inner) implements ValueMatcher {
  /** A part of a timestamp. */
  public enum Part {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR
  }

  @Override
  public boolean test(Object leaf) {
    Instant t = Timestamps.parseLenient(leaf);
    if (t == null) {
      return false;
    }
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    long v = switch (part) {
      case MINUTE -> z.getMinute();
      case HOUR -> z.getHour();
      case DAY -> z.getDayOfMonth();
      case WEEK -> z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTH -> z.get(ChronoField.MONTH_OF_YEAR);
      case YEAR -> z.getYear();
    };
    return inner.test(v);
  }

  @Override
  public String describe() {
    return part.name().toLowerCase(java.util.Locale.ROOT) + " of timestamp " + inner.describe();
  }
}
