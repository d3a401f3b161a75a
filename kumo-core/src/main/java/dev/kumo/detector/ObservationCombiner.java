package dev.kumo.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pre-aggregates one worker's observations per {@link Combine} policy before they are sorted.
 * Holds at most {@code capacity} merged entries; when full, it hands everything on and starts over
 * (still correct: detector states treat repeated FIRST observations as already seen and add SUM
 * partials). Not thread-safe: one per worker.
 */
public final class ObservationCombiner implements ObservationSink {
  /**
   * Merge key; the hash is computed once and compared before the strings. The combiner looks up with one
   * reused probe and stores a fresh key only for a new entry.
   */
  private static final class Key {
    private int detector;
    private int kind;
    private String key;
    private @Nullable String value;
    private int hash;

    Key set(int detector, int kind, String key, @Nullable String value) {
      this.detector = detector;
      this.kind = kind;
      this.key = key;
      this.value = value;
      this.hash = (31 * (31 * detector + kind) + key.hashCode()) * 31 + (value == null ? 0 : value.hashCode());
      return this;
    }

    Key copy() {
      Key k = new Key();
      k.detector = detector;
      k.kind = kind;
      k.key = key;
      k.value = value;
      k.hash = hash;
      return k;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.detector == detector && k.kind == kind
          && k.key.equals(key) && java.util.Objects.equals(k.value, value);
    }
  }

  /** What is held for one key: the earliest observation, and the sums added to it since. */
  private static final class Slot {
    Observation first;
    double amount;
    long count;

    Slot(Observation first) {
      this.first = first;
      this.amount = first.amount();
      this.count = first.count();
    }

    boolean isAfter(Instant time, String eventId) {
      int c = first.time().compareTo(time);
      return c > 0 || (c == 0 && first.eventId().compareTo(eventId) > 0);
    }

    Observation merged() {
      return amount == first.amount() && count == first.count() ? first
          : new Observation(first.time(), first.eventId(), first.detector(), first.kind(), first.key(), first.value(),
              amount, count, first.event());
    }
  }

  private final Map<Key, Slot> merged = new HashMap<>();
  private final Key probe = new Key();
  private final int capacity;
  private final Consumer<Observation> downstream;

  public ObservationCombiner(int capacity, Consumer<Observation> downstream) {
    this.capacity = Math.max(1, capacity);
    this.downstream = downstream;
  }

  /**
   * Merges an observation given by its coordinates into the one held for its key when that one is not later
   * (a FIRST observation is then dropped, a SUM one added in). Most observations of a run end here, without
   * an {@link Observation} or event summary being built.
   */
  @Override
  public boolean absorb(int detector, int kind, String key, @Nullable String value, Instant time, String eventId,
      double amount, Combine policy) {
    if (policy == Combine.ALL) {
      return false;
    }
    Slot slot = merged.get(probe.set(detector, kind, key, value));
    if (slot == null || slot.isAfter(time, eventId)) {
      return false;
    }
    if (policy == Combine.SUM) {
      slot.amount += amount;
      slot.count++;
    }
    return true;
  }

  /** Adds an observation under its detector's policy for its kind. */
  @Override
  public void add(Observation o, Combine policy) {
    if (policy == Combine.ALL) {
      downstream.accept(o);
      return;
    }
    Slot slot = merged.get(probe.set(o.detector(), o.kind(), o.key(), o.value()));
    if (slot == null) {
      if (merged.size() >= capacity) {
        flush();
      }
      merged.put(probe.copy(), new Slot(o));
      return;
    }
    boolean earlier = o.earlierThan(slot.first);
    if (policy == Combine.SUM) {
      slot.amount += o.amount();
      slot.count += o.count();
      if (earlier) {
        slot.first = o; // the sums so far stay
      }
    } else if (earlier) {
      slot.first = o;
      slot.amount = o.amount();
      slot.count = o.count();
    }
  }

  /** Hands every merged observation on, in a fixed order, and empties the combiner. */
  public void flush() {
    List<Observation> all = new ArrayList<>(merged.size());
    merged.values().forEach(slot -> all.add(slot.merged()));
    merged.clear();
    all.sort(Observation.ORDER);
    all.forEach(downstream);
  }

  /** Merged entries held now. */
  public int size() {
    return merged.size();
  }
}
