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
  private record Key(int detector, int kind, String key, @Nullable String value) {}

  private final Map<Key, Observation> merged = new HashMap<>();
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
    Key k = new Key(detector, kind, key, value);
    Observation old = merged.get(k);
    if (old == null || old.time().compareTo(time) > 0
        || (old.time().equals(time) && old.eventId().compareTo(eventId) > 0)) {
      return false;
    }
    if (policy == Combine.SUM) {
      merged.put(k, new Observation(old.time(), old.eventId(), old.detector(), old.kind(), old.key(), old.value(),
          old.amount() + amount, old.count() + 1, old.event()));
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
    Key k = new Key(o.detector(), o.kind(), o.key(), o.value());
    Observation old = merged.get(k);
    if (old == null) {
      if (merged.size() >= capacity) {
        flush();
      }
      merged.put(k, o);
      return;
    }
    Observation first = o.earlierThan(old) ? o : old;
    if (policy == Combine.SUM) {
      merged.put(k, new Observation(first.time(), first.eventId(), first.detector(), first.kind(), first.key(),
          first.value(), old.amount() + o.amount(), old.count() + o.count(), first.event()));
    } else if (first != old) {
      merged.put(k, first);
    }
  }

  /** Hands every merged observation on, in a fixed order, and empties the combiner. */
  public void flush() {
    List<Observation> all = new ArrayList<>(merged.values());
    merged.clear();
    all.sort(Observation.ORDER);
    all.forEach(downstream);
  }

  /** Merged entries held now. */
  public int size() {
    return merged.size();
  }
}
