package dev.kumo.detector.network;

import java.io.Serializable;

/**
 * Counts distinct values by their 64-bit hashes, up to a maximum: enough to tell whether a source
 * reached a threshold of distinct destinations without keeping the strings. Once full it accepts
 * nothing more (the count stays at the maximum). Open addressing, no boxing. Not thread-safe.
 */
final class DistinctSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private long[] table = new long[8];
  private int size;
  private final int max;

  DistinctSet(int max) {
    this.max = Math.max(1, max);
  }

  /** A 64-bit hash of a string (FNV-1a, then a finalizer), never 0. */
  static long hash(CharSequence s) {
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

  /** Adds {@code h}; true when it was not there and the set had room. */
  boolean add(long h) {
    if (size >= max) {
      return false;
    }
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    size++;
    if (size * 2 > table.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long v : old) {
      if (v != 0) {
        int i = (int) (v ^ (v >>> 32)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
  }

  int size() {
    return size;
  }

  /** Whether the set holds its maximum (counts stop there). */
  boolean full() {
    return size >= max;
  }
}
