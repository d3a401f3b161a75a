package dev.kumo.simulate.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable UTF-8 byte buffer for building log lines without intermediate strings: text is encoded
 * as it is appended, numbers are written digit by digit. Counts the newlines appended. Not
 * thread-safe.
 */
public final class TextBuffer {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private byte[] buf = new byte[512];
  private int len;
  private int newlines;

  /** Empties the buffer. */
  public TextBuffer clear() {
    len = 0;
    newlines = 0;
    return this;
  }

  public TextBuffer append(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
        if (c == '\n') {
          newlines++;
        }
      } else {
        return appendSlow(s, i);
      }
    }
    return this;
  }

  private TextBuffer appendSlow(String s, int from) {
    byte[] b = s.substring(from).getBytes(StandardCharsets.UTF_8);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    for (byte x : b) {
      if (x == '\n') {
        newlines++;
      }
    }
    return this;
  }

  public TextBuffer append(char c) {
    if (c >= 0x80) {
      return append(String.valueOf(c));
    }
    ensure(1);
    buf[len++] = (byte) c;
    if (c == '\n') {
      newlines++;
    }
    return this;
  }

  public TextBuffer append(long v) {
    ensure(20);
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        return append(Long.toString(v));
      }
      buf[len++] = '-';
      v = -v;
    }
    int start = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    reverse(start, len - 1);
    return this;
  }

  /** {@code v} with exactly {@code digits} digits, zero-padded on the left (v must fit). */
  public TextBuffer appendPadded(long v, int digits) {
    ensure(digits);
    for (int i = digits - 1; i >= 0; i--) {
      buf[len + i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += digits;
    return this;
  }

  /** The lower-case hex digits of {@code v}, without leading zeros. */
  public TextBuffer appendHex(long v) {
    ensure(16);
    int start = len;
    do {
      buf[len++] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    } while (v != 0);
    reverse(start, len - 1);
    return this;
  }

  /** The upper-case hex encoding of {@code s}'s UTF-8 bytes, as auditd encodes untrusted strings. */
  public TextBuffer appendHexUpper(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(b.length * 2);
    for (byte x : b) {
      buf[len++] = (byte) Character.toUpperCase(HEX[(x >> 4) & 0xF]);
      buf[len++] = (byte) Character.toUpperCase(HEX[x & 0xF]);
    }
    return this;
  }

  /** {@code s} inside a JSON string literal (without the quotes), escaped as JSON requires. */
  public TextBuffer appendJson(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        append('\\').append(c);
      } else if (c < 0x20) {
        append(String.format("\\u%04x", (int) c));
      } else if (c < 0x80) {
        ensure(1);
        buf[len++] = (byte) c;
      } else {
        int cp = s.codePointAt(i);
        append(new String(Character.toChars(cp)));
        i += Character.charCount(cp) - 1;
      }
    }
    return this;
  }

  private void reverse(int i, int j) {
    while (i < j) {
      byte t = buf[i];
      buf[i++] = buf[j];
      buf[j--] = t;
    }
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  /** The buffer's bytes; valid up to {@link #length()} until the next append. */
  public byte[] bytes() {
    return buf;
  }

  public int length() {
    return len;
  }

  /** The newlines appended since the last {@link #clear()}. */
  public int newlines() {
    return newlines;
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
