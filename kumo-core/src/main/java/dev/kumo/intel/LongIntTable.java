package dev.kumo.intel;

import java.io.Serializable;
/** An open-addressing map from long keys to int values (no boxing); -1 means absent. Not thread-safe to build. */
final class LongIntTable implements Serializable {
  private static final long serialVersionUID = 1L;
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;

  LongIntTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
  }

  /** Stores {@code value} under {@code key}; returns the value it replaced, or -1. */
  int putHead(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
        return -1;
      }
      if (keys[i] == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
    }
  }

  /** The value under {@code key}, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key) & mask; used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return -1;
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    long[] k = keys;
    int[] v = values;
    boolean[] u = used;
    keys = new long[k.length * 2];
    values = new int[k.length * 2];
    used = new boolean[k.length * 2];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        putHead(k[i], v[i]);
      }
    }
  }
}
