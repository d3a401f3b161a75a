package dev.kumo.hunt;

import java.util.ArrayList;
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
  private final Map<String, Long> counts = new HashMap<>();
  private boolean pruned;

  public TopCounter(int capacity) {
    this.capacity = capacity;
  }

  public void add(String value, long n) {
    counts.merge(value, n, Long::sum);
    if (counts.size() > 2 * capacity) {
      prune();
    }
  }

  public void merge(TopCounter other) {
    other.counts.forEach(this::add);
    pruned |= other.pruned;
  }

  private void prune() {
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    counts.clear();
    for (int i = 0; i < capacity; i++) {
      counts.put(all.get(i).getKey(), all.get(i).getValue());
    }
    pruned = true;
  }

  /** The top {@code n}, by count then value. */
  public List<Entry> top(int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(e -> new Entry(e.getKey(), e.getValue())).toList();
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
