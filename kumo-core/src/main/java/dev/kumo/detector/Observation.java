package dev.kumo.detector;

import dev.kumo.finding.EventSummary;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a detector took from one event (or, after {@link Combine}, from several).
 *
 * @param time event time (for combined observations: the earliest)
 * @param detector the detector's position in the engine
 * @param count how many observations were combined into this one (1 when not combined)
 * @param event summary of the (earliest) event, for findings
 */
public record Observation(Instant time, String eventId, int detector, int kind, String key, @Nullable String value,
    double amount, long count, EventSummary event) implements Serializable {

  /** Event-time order, ties broken on every field so the order never depends on thread timing. */
  public static final Comparator<Observation> ORDER = Observation::compare;

  private static int compare(Observation a, Observation b) {
    int c = a.time.compareTo(b.time);
    if (c == 0) {
      c = a.eventId.compareTo(b.eventId);
    }
    if (c == 0) {
      c = Integer.compare(a.detector, b.detector);
    }
    if (c == 0) {
      c = Integer.compare(a.kind, b.kind);
    }
    if (c == 0) {
      c = a.key.compareTo(b.key);
    }
    if (c == 0) {
      c = Objects.compare(a.value, b.value, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
    if (c == 0) {
      c = Double.compare(a.amount, b.amount);
    }
    return c != 0 ? c : Long.compare(a.count, b.count);
  }

  /** Whether this observation comes before {@code other} (by time, then event id). */
  boolean earlierThan(Observation other) {
    int c = time.compareTo(other.time);
    return c < 0 || (c == 0 && eventId.compareTo(other.eventId) < 0);
  }
}
