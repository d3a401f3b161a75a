package dev.kumo.correlate;

import dev.kumo.finding.EventSummary;
import dev.kumo.sigma.CorrelationRule.CorrelationType;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The events of one group inside the current window, with the running aggregates each correlation
 * type needs. Bounded: at most {@code maxEvents} entries. Serializable. Not thread-safe.
 */
final class GroupWindow implements Serializable {
  private static final long serialVersionUID = 1L;

  private record Entry(long millis, int member, @Nullable String value, String eventId) implements Serializable {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Integer> valueCounts = new HashMap<>();
  private final int[] memberCounts;
  private final int maxEvents;
  private double sum;
  private long numericCount;
  private long windowStart = Long.MIN_VALUE;
  private long lastUpdate;
  private @Nullable EventSummary last;
  private long dropped;

  GroupWindow(int members, int maxEvents) {
    this.memberCounts = new int[members];
    this.maxEvents = maxEvents;
  }

  void add(CorrelationInput in) {
    long t = in.time().toEpochMilli();
    if (entries.isEmpty()) {
      windowStart = t;
    }
    Entry e = new Entry(t, in.member(), in.value(), in.eventId());
    entries.addLast(e);
    count(e, +1);
    lastUpdate = t;
    last = in.event();
    while (entries.size() > maxEvents) {
      count(entries.removeFirst(), -1);
      dropped++;
    }
  }

  /** Drops entries older than {@code cutoff} (sliding windows). */
  void evictBefore(long cutoff) {
    while (!entries.isEmpty() && entries.peekFirst().millis() < cutoff) {
      count(entries.removeFirst(), -1);
    }
    if (!entries.isEmpty()) {
      windowStart = entries.peekFirst().millis();
    }
  }

  private void count(Entry e, int delta) {
    if (e.member() < memberCounts.length) {
      memberCounts[e.member()] += delta;
    }
    if (e.value() != null) {
      valueCounts.merge(e.value(), delta, (a, b) -> a + b == 0 ? null : a + b);
      Double d = number(e.value());
      if (d != null) {
        sum += delta * d;
        numericCount += delta;
      }
    }
  }

  private static @Nullable Double number(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The aggregate the correlation type compares with its condition. */
  double aggregate(CorrelationType type, @Nullable Double percentile) {
    return switch (type) {
      case EVENT_COUNT -> entries.size();
      case VALUE_COUNT -> valueCounts.size();
      case TEMPORAL -> (double) Arrays.stream(memberCounts).filter(c -> c > 0).count();
      case TEMPORAL_ORDERED -> orderedPrefix();
      case VALUE_SUM -> sum;
      case VALUE_AVG -> numericCount == 0 ? Double.NaN : sum / numericCount;
      case VALUE_PERCENTILE -> percentile(percentile == null ? 50 : percentile);
    };
  }

  /**
   * Length of the longest prefix of the rule list seen in order within the window. Events with the
   * same timestamp count as in order whichever way they arrived (CloudTrail times have one-second
   * resolution, so a CreateUser and the AttachUserPolicy that follows often share a second).
   */
  private double orderedPrefix() {
    int next = 0;
    List<Entry> sameTime = new ArrayList<>();
    Iterator<Entry> it = entries.iterator();
    Entry pending = it.hasNext() ? it.next() : null;
    while (pending != null && next < memberCounts.length) {
      sameTime.clear();
      long t = pending.millis();
      while (pending != null && pending.millis() == t) {
        sameTime.add(pending);
        pending = it.hasNext() ? it.next() : null;
      }
      boolean advanced = true;
      while (advanced && next < memberCounts.length) {
        advanced = false;
        for (Entry e : sameTime) {
          if (e.member() == next) {
            next++;
            advanced = true;
            break;
          }
        }
      }
    }
    return next;
  }

  private double percentile(double p) {
    double[] values = entries.stream().map(Entry::value).filter(v -> v != null).map(GroupWindow::number)
        .filter(v -> v != null).mapToDouble(Double::doubleValue).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  long windowStart() {
    return windowStart;
  }

  long lastUpdate() {
    return lastUpdate;
  }

  long dropped() {
    return dropped;
  }

  CorrelationHit hit(int correlation, List<String> group, double value, int maxEvidence) {
    List<String> ids = new ArrayList<>(Math.min(maxEvidence, entries.size()));
    Iterator<Entry> it = entries.descendingIterator();
    while (it.hasNext() && ids.size() < maxEvidence) {
      ids.add(it.next().eventId());
    }
    java.util.Collections.reverse(ids);
    Instant first = Instant.ofEpochMilli(entries.peekFirst().millis());
    Instant lastTime = Instant.ofEpochMilli(entries.peekLast().millis());
    return new CorrelationHit(correlation, group, first, lastTime, entries.size(), value, ids, last);
  }

  void clear() {
    entries.clear();
    valueCounts.clear();
    Arrays.fill(memberCounts, 0);
    sum = 0;
    numericCount = 0;
    windowStart = Long.MIN_VALUE;
  }
}
