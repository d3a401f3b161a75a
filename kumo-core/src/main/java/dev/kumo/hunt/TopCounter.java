package dev.kumo.hunt;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts values and reports the most frequent. Memory is bounded: past {@code 2 * capacity}
 * distinct values the rarest are pruned, so counts are exact up to {@code capacity} distinct values
 * and approximate beyond. Not thread-safe; merge per-worker counters.
 */
public final class TopCounter {
  /** A value and its count. */
  public record Entry(String value, long count) {}

  private final int capacity;
  /** Mutable counts (one-element arrays) so counting does not box. */
  private final Map<String, long[]> counts = new HashMap<>();
  private boolean pruned;

  public TopCounter(int capacity) {
    this.capacity = capacity;
  }

  public void add(String value, long n) {
    long[] c = counts.get(value);
    if (c == null) {
      counts.put(value, new long[] {n});
      if (counts.size() > 2 * capacity) {
        prune();
      }
    } else {
      c[0] += n;
    }
  }

  public void merge(TopCounter other) {
    other.counts.forEach((k, v) -> add(k, v[0]));
    pruned |= other.pruned;
  }

  private void prune() {
    List<Entry> all = top(capacity);
    counts.clear();
    for (Entry e : all) {
      counts.put(e.value(), new long[] {e.count()});
    }
    pruned = true;
  }

  /** The top {@code n}, by count then value. */
  public List<Entry> top(int n) {
    return counts.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()[0])).sorted(order())
        .limit(n).toList();
  }

  public int distinct() {
    return counts.size();
  }

  /** Whether counts became approximate because of pruning. */
  public boolean approximate() {
    return pruned;
  }

  static Comparator<Entry> order() {
    return Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::value);
  }
}
