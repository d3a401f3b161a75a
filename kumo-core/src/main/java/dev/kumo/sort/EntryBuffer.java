package dev.kumo.sort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encoded items held in memory: each entry is its key and payload, packed into large shared chunks, so a
 * buffer of many items is a few arrays the garbage collector never looks into. Sorts by key (stable), and
 * hands entries out as views. Not thread-safe.
 */
final class EntryBuffer {
  private static final int CHUNK = 1 << 20;
  private static final int HEADER = 8; // key length, payload length

  private final List<byte[]> chunks = new ArrayList<>();
  /** Chunks of earlier runs, kept for the next ones. */
  private final List<byte[]> spare = new ArrayList<>();
  private byte[] current;
  private int used;
  /** Per entry, in the order added: chunk index (high 32 bits) and the offset of its header (low 32 bits). */
  private long[] refs = new long[1024];
  /** Per entry: the first 8 and the next 8 bytes of its key (zero-padded), compared before the key itself. */
  private long[] head = new long[1024];
  private long[] next = new long[1024];
  /** Entry positions in key order, after {@link #sort()}; null before. */
  private int[] order;
  private int size;
  private long bytes;

  EntryBuffer() {
    current = new byte[0];
    used = 0;
  }

  int size() {
    return size;
  }

  /** Bytes held by the entries (keys, payloads and headers). */
  long bytes() {
    return bytes;
  }

  void add(byte[] key, int keyLength, byte[] payload, int payloadLength) {
    int n = HEADER + keyLength + payloadLength;
    if (used + n > current.length) {
      current = n <= CHUNK && !spare.isEmpty() ? spare.remove(spare.size() - 1) : new byte[Math.max(CHUNK, n)];
      chunks.add(current);
      used = 0;
    }
    putInt(current, used, keyLength);
    putInt(current, used + 4, payloadLength);
    System.arraycopy(key, 0, current, used + HEADER, keyLength);
    System.arraycopy(payload, 0, current, used + HEADER + keyLength, payloadLength);
    if (size == refs.length) {
      int grown = Math.max(1024, size * 2);
      refs = Arrays.copyOf(refs, grown);
      head = Arrays.copyOf(head, grown);
      next = Arrays.copyOf(next, grown);
    }
    head[size] = prefix(key, 0, keyLength);
    next[size] = prefix(key, 8, keyLength);
    refs[size++] = ((long) (chunks.size() - 1) << 32) | used;
    order = null;
    used += n;
    bytes += n;
  }

  /** Sorts the entries by key; entries with equal keys keep the order they were added in. */
  void sort() {
    if (order != null) {
      return;
    }
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = i;
    }
    if (size > 1) {
      mergeSort(sorted.clone(), sorted, 0, size);
    }
    order = sorted;
  }

  /** The entry at position {@code i} in key order ({@link #sort()} first). */
  Entry entry(int i) {
    long ref = refs[order[i]];
    byte[] chunk = chunks.get((int) (ref >>> 32));
    int at = (int) ref;
    return new Entry(chunk, at + HEADER, getInt(chunk, at), getInt(chunk, at + 4));
  }

  /** Writes every entry, in key order ({@link #sort()} first), as {@link Entry#writeTo} does. */
  void writeTo(SpillWriter out) throws IOException {
    for (int i = 0; i < size; i++) {
      entry(i).writeTo(out);
    }
  }

  /** Empties the buffer for the next run, keeping its arrays. */
  void clear() {
    order = null;
    for (byte[] c : chunks) {
      if (c.length == CHUNK) {
        spare.add(c); // reused: chunks that live long are promoted once, not allocated and copied again
      }
    }
    chunks.clear();
    current = new byte[0];
    used = 0;
    size = 0;
    bytes = 0;
  }

  /** Empties the buffer and lets go of its memory. */
  void release() {
    clear();
    spare.clear();
    refs = new long[0];
    head = new long[0];
    next = new long[0];
  }

  /** Top-down merge sort of {@code dst[from, to)}, with {@code src} holding the same refs as scratch. */
  private void mergeSort(int[] src, int[] dst, int from, int to) {
    if (to - from < 16) {
      insertionSort(dst, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(dst, src, from, mid);
    mergeSort(dst, src, mid, to);
    if (compare(src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, from, dst, from, to - from);
      return;
    }
    for (int i = from, p = from, q = mid; i < to; i++) {
      dst[i] = q >= to || (p < mid && compare(src[p], src[q]) <= 0) ? src[p++] : src[q++];
    }
  }

  private void insertionSort(int[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int r = a[i];
      int j = i - 1;
      while (j >= from && compare(a[j], r) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = r;
    }
  }

  /** Compares entries {@code i} and {@code j} by key: the prefixes decide most comparisons. */
  private int compare(int i, int j) {
    int c = Long.compareUnsigned(head[i], head[j]);
    if (c == 0) {
      c = Long.compareUnsigned(next[i], next[j]);
    }
    return c != 0 ? c : compareKeys(refs[i], refs[j]);
  }

  private int compareKeys(long a, long b) {
    byte[] ca = chunks.get((int) (a >>> 32));
    byte[] cb = chunks.get((int) (b >>> 32));
    int pa = (int) a;
    int pb = (int) b;
    return Arrays.compareUnsigned(ca, pa + HEADER, pa + HEADER + getInt(ca, pa), cb, pb + HEADER,
        pb + HEADER + getInt(cb, pb));
  }

  /** Bytes {@code from .. from+8} of a key as an unsigned big-endian number, zero-padded past its end. */
  private static long prefix(byte[] key, int from, int length) {
    long v = 0;
    for (int k = from; k < from + 8; k++) {
      v = (v << 8) | (k < length ? key[k] & 0xff : 0);
    }
    return v;
  }

  static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
