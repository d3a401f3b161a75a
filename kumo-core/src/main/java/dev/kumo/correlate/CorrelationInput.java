package dev.kumo.correlate;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.json.FieldPath;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule match on its way into a correlation: the group values and counted value are taken from
 * the event when it matches, so the event itself need not be kept.
 */
public record CorrelationInput(Instant time, String eventId, int correlation, int member, List<String> groupValues,
    @Nullable String value, EventSummary event) implements Serializable {

  /** Event-time order, with ties broken so the order never depends on thread timing. */
  public static final Comparator<CorrelationInput> ORDER = CorrelationInput::compare;

  private static int compare(CorrelationInput a, CorrelationInput b) {
    int c = a.time.compareTo(b.time);
    if (c == 0) {
      c = a.eventId.compareTo(b.eventId);
    }
    if (c == 0) {
      c = Integer.compare(a.correlation, b.correlation);
    }
    return c != 0 ? c : Integer.compare(a.member, b.member);
  }

  /** Missing group-by values are represented by this marker (a group of their own). */
  public static final String MISSING = "\u0000";

  public CorrelationInput {
    groupValues = List.copyOf(groupValues);
  }

  public static CorrelationInput of(CorrelationFeed feed, NormalizedEvent e) {
    return of(feed, e, EventSummary.of(e));
  }

  /** As {@link #of(CorrelationFeed, NormalizedEvent)}, with the event's summary already made. */
  public static CorrelationInput of(CorrelationFeed feed, NormalizedEvent e, EventSummary summary) {
    List<String> values = new ArrayList<>(feed.groupBy().size());
    for (FieldPath p : feed.groupBy()) {
      String v = p.firstText(e.raw());
      values.add(v == null ? MISSING : v);
    }
    String value = feed.value() == null ? null : feed.value().firstText(e.raw());
    return new CorrelationInput(e.time(), e.id(), feed.correlation(), feed.member(), values, value, summary);
  }
}
