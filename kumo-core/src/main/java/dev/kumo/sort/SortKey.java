package dev.kumo.sort;

import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Builds a sort key: bytes whose unsigned lexicographic order is the order of the values appended, field
 * by field. Each encoding is order-preserving and prefix-free, so comparing two keys compares their first
 * fields, then their second, and so on, exactly as the matching {@link java.util.Comparator} would.
 * Reused for one item after another ({@link #reset()}); not thread-safe.
 */
public final class SortKey {
  private byte[] buf = new byte[128];
  private int length;

  /** Empties the key for the next item. */
  public SortKey reset() {
    length = 0;
    return this;
  }

  /** The key's bytes are {@code array()[0 .. length())}; valid until the next change. */
  byte[] array() {
    return buf;
  }

  int length() {
    return length;
  }

  /** Orders like {@link Instant#compareTo}. */
  public SortKey instant(Instant t) {
    longValue(t.getEpochSecond());
    return intValue(t.getNano());
  }

  /** Orders like {@link Long#compare}. */
  public SortKey longValue(long v) {
    return raw(v ^ Long.MIN_VALUE, 8);
  }

  /** Orders like {@link Integer#compare}. */
  public SortKey intValue(int v) {
    return raw((v ^ Integer.MIN_VALUE) & 0xffffffffL, 4);
  }

  /** Orders like {@link Double#compare} (-0.0 before 0.0, NaN last). */
  public SortKey doubleValue(double d) {
    long bits = Double.doubleToLongBits(d);
    return raw(bits ^ ((bits >> 63) | Long.MIN_VALUE), 8);
  }

  /** A value from 0 to 255, ordered as a number. */
  public SortKey byteValue(int v) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException("not a byte value: " + v);
    }
    ensure(1);
    buf[length++] = (byte) v;
    return this;
  }

  /**
   * Orders like {@link String#compareTo} (UTF-16 code units, a prefix first). Code units below 0x7F take one
   * byte (the unit plus one), the others three (0x80 and the unit); a 0x00 byte ends the string.
   */
  public SortKey string(String s) {
    int n = s.length();
    ensure(3 * n + 1);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x7F) {
        buf[length++] = (byte) (c + 1);
      } else {
        buf[length++] = (byte) 0x80;
        buf[length++] = (byte) (c >>> 8);
        buf[length++] = (byte) c;
      }
    }
    buf[length++] = 0;
    return this;
  }

  /** As {@link #string}, null first. */
  public SortKey nullableString(@Nullable String s) {
    if (s == null) {
      return byteValue(0);
    }
    byteValue(1);
    return string(s);
  }

  private SortKey raw(long v, int bytes) {
    ensure(bytes);
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      buf[length++] = (byte) (v >>> shift);
    }
    return this;
  }

  private void ensure(int n) {
    if (length + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
    }
  }
}
