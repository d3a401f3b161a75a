package dev.kumo.detector;

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
public final class ObservationCombiner {
  private record Key(int detector, int kind, String key, @Nullable String value) {}

  private final Map<Key, Observation> merged = new HashMap<>();
  private final int capacity;
  private final Consumer<Observation> downstream;

  public ObservationCombiner(int capacity, Consumer<Observation> downstream) {
    this.capacity = Math.max(1, capacity);
    this.downstream = downstream;
  }

  /** Adds an observation under its detector's policy for its kind. */
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
