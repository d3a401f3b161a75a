package dev.kumo.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pre-aggregates one worker's observations per {@link Combine} policy before they are sorted.
 * Holds at most {@code capacity} merged entries; when full, it hands everything on and starts over
 * (still correct: detector states treat repeated FIRST observations as already seen and add SUM
 * partials). Not thread-safe: one per worker.
 *
 * <p>Nearly every event of a hunt ends in {@link #absorb}, so the table is laid out for it: open
 * addressing over an array of hashes and an array of entries, each entry holding its key and the time of
 * its earliest observation, so a lookup reads few cache lines and builds nothing.
 */
public final class ObservationCombiner implements ObservationSink {
  /** A merge key and what is held for it: the earliest observation, and the sums added to it since. */
  private static final class Entry {
    final int detector;
    final int kind;
    final String key;
    final @Nullable String value;
    Observation first;
    long firstSecond;
    int firstNano;
    double amount;
    long count;

    Entry(Observation first) {
      this.detector = first.detector();
      this.kind = first.kind();
      this.key = first.key();
      this.value = first.value();
      setFirst(first);
    }

    void setFirst(Observation o) {
      first = o;
      firstSecond = o.time().getEpochSecond();
      firstNano = o.time().getNano();
    }

    boolean is(int detector, int kind, String key, @Nullable String value) {
      return this.detector == detector && this.kind == kind && this.key.equals(key)
          && Objects.equals(this.value, value);
    }

    /** Whether the held observation comes after an observation at {@code time} of event {@code eventId}. */
    boolean isAfter(Instant time, String eventId) {
      int c = Long.compare(firstSecond, time.getEpochSecond());
      if (c == 0) {
        c = Integer.compare(firstNano, time.getNano());
      }
      return c > 0 || (c == 0 && first.eventId().compareTo(eventId) > 0);
    }

    Observation merged() {
      return amount == first.amount() && count == first.count() ? first
          : new Observation(first.time(), first.eventId(), first.detector(), first.kind(), first.key(), first.value(),
              amount, count, first.event());
    }
  }

  private final int capacity;
  private final Consumer<Observation> downstream;
  /** Open addressing, linear probing, at most half full: a zero hash marks a free slot (hashes are never 0). */
  private final int[] hashes;
  private final Entry[] entries;
  private final int mask;
  private int size;

  public ObservationCombiner(int capacity, Consumer<Observation> downstream) {
    this.capacity = Math.max(1, capacity);
    this.downstream = downstream;
    int tableSize = Integer.highestOneBit(Math.max(2, this.capacity) * 2 - 1) * 2;
    this.hashes = new int[tableSize];
    this.entries = new Entry[tableSize];
    this.mask = tableSize - 1;
  }

  private static int hash(int detector, int kind, String key, @Nullable String value) {
    int h = (31 * (31 * detector + kind) + key.hashCode()) * 31 + (value == null ? 0 : value.hashCode());
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h == 0 ? 1 : h;
  }

  /** The slot of the key: where its entry is, or the free slot where it belongs. */
  private int slot(int h, int detector, int kind, String key, @Nullable String value) {
    int i = h & mask;
    while (hashes[i] != 0 && (hashes[i] != h || !entries[i].is(detector, kind, key, value))) {
      i = (i + 1) & mask;
    }
    return i;
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
    int i = slot(hash(detector, kind, key, value), detector, kind, key, value);
    Entry e = entries[i];
    if (e == null || e.isAfter(time, eventId)) {
      return false;
    }
    if (policy == Combine.SUM) {
      e.amount += amount;
      e.count++;
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
    int h = hash(o.detector(), o.kind(), o.key(), o.value());
    int i = slot(h, o.detector(), o.kind(), o.key(), o.value());
    Entry e = entries[i];
    if (e == null) {
      if (size >= capacity) {
        flush();
        i = slot(h, o.detector(), o.kind(), o.key(), o.value());
      }
      e = new Entry(o);
      e.amount = o.amount();
      e.count = o.count();
      hashes[i] = h;
      entries[i] = e;
      size++;
      return;
    }
    boolean earlier = o.earlierThan(e.first);
    if (policy == Combine.SUM) {
      e.amount += o.amount();
      e.count += o.count();
      if (earlier) {
        e.setFirst(o); // the sums so far stay
      }
    } else if (earlier) {
      e.setFirst(o);
      e.amount = o.amount();
      e.count = o.count();
    }
  }

  /** Hands every merged observation on, in a fixed order, and empties the combiner. */
  public void flush() {
    List<Observation> all = new ArrayList<>(size);
    for (Entry e : entries) {
      if (e != null) {
        all.add(e.merged());
      }
    }
    Arrays.fill(hashes, 0);
    Arrays.fill(entries, null);
    size = 0;
    all.sort(Observation.ORDER);
    all.forEach(downstream);
  }

  /** Merged entries held now. */
  public int size() {
    return size;
  }
}
