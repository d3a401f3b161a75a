package dev.kumo.detector.identity;

import java.io.Serializable;

/**
 * A set of 64-bit value hashes with a maximum size: baselines remember which values they saw
 * without keeping the strings (16 bytes or less per value). Once full it accepts nothing more.
 * Open addressing, no boxing. Not thread-safe.
 */
final class HashSet64 implements Serializable {
  private static final long serialVersionUID = 1L;
  private long[] table = new long[8];
  private int size;
  private final int max;

  HashSet64(int max) {
    this.max = Math.max(1, max);
  }

  /** A 64-bit hash of a string (FNV-1a over its chars, then a finalizer), never 0. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  boolean contains(long h) {
    int mask = table.length - 1;
    for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == 0) {
        return false;
      }
      if (v == h) {
        return true;
      }
    }
  }

  /** Adds {@code h}; false when it was present or the set is full. */
  boolean add(long h) {
    if (contains(h) || size >= max) {
      return false;
    }
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    insert(table, h);
    size++;
    return true;
  }

  private static void insert(long[] t, long h) {
    int mask = t.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = h;
  }

  private void grow() {
    long[] bigger = new long[table.length * 2];
    for (long v : table) {
      if (v != 0) {
        insert(bigger, v);
      }
    }
    table = bigger;
  }

  int size() {
    return size;
  }

  /** Whether the set holds its maximum. */
  boolean full() {
    return size >= max;
  }
}
