package dev.kumo.detector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, dropping the least recently used one when full
 * and counting what it dropped. Detector states use it for every per-key table, so a flood of
 * distinct principals, hosts or addresses can cost accuracy (counted) but never memory. Not
 * thread-safe.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;
  private final int capacity;
  private long evicted;

  public BoundedMap(int capacity) {
    super(16, 0.75f, true);
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    if (size() > capacity) {
      evicted++;
      return true;
    }
    return false;
  }

  public int capacity() {
    return capacity;
  }

  /** Entries dropped so far to stay within capacity. */
  public long evicted() {
    return evicted;
  }
}
