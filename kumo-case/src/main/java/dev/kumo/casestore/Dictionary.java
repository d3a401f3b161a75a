package dev.kumo.casestore;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids for values that repeat from event to event, shared by the lanes of one load. A value seen for
 * the first time gets a fresh id, and the caller that drew it stores the value under it; later
 * calls return the same id. Ids are never reused, so a value stored twice (by two loads, or after
 * the dictionary was emptied) simply has two ids.
 *
 * <p>Memory is bounded: when the dictionary holds {@code capacity} values it forgets them all and
 * starts again (hostile input where every value is new costs one stored value per event, no more).
 * Thread-safe.
 *
 * @param <V> the value type (with value equality)
 */
final class Dictionary<V> {
  /** Stores a value drawn for the first time under its id. */
  @FunctionalInterface
  interface Store<V> {
    void store(int id, V value) throws SQLException;
  }

  private final ConcurrentHashMap<V, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next;
  private final int capacity;

  /** A dictionary whose first new id is {@code firstId}. */
  Dictionary(int firstId, int capacity) {
    this.next = new AtomicInteger(firstId);
    this.capacity = capacity;
  }

  /** The id of {@code value}; a new value is first handed to {@code store} with its new id. */
  int id(V value, Store<V> store) throws SQLException {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    if (ids.size() >= capacity) {
      ids.clear();
    }
    int fresh = next.getAndIncrement();
    Integer raced = ids.putIfAbsent(value, fresh);
    if (raced != null) {
      return raced;
    }
    store.store(fresh, value);
    return fresh;
  }
}
