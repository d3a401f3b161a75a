package dev.kumo.intel;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Kumo saw an indicator in events: how often and when. Immutable.
 *
 * @param indicator what was seen
 * @param count how many events matched it (0 or more)
 * @param firstSeen the earliest matching event
 * @param lastSeen the latest matching event (not before {@code firstSeen})
 * @param observedBy who saw it, e.g. {@code kumo}
 * @param where where it was seen (an account, a host), or null
 */
public record Sighting(Indicator indicator, long count, Instant firstSeen, Instant lastSeen, String observedBy,
    @Nullable String where) implements Serializable {

  public Sighting {
    Objects.requireNonNull(indicator, "indicator");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
    }
  }
}
