package dev.kumo.sort;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fast, unsynchronized binary writer for spill files (big-endian, like {@link java.io.DataOutput},
 * but buffered in place rather than one stream call per byte), or for one item into memory. Not
 * thread-safe.
 */
public final class SpillWriter implements Closeable {
  private final @Nullable OutputStream out;
  private byte[] buf;
  private int pos;

  /** A writer to a stream. */
  public SpillWriter(OutputStream out) {
    this.out = out;
    this.buf = new byte[1 << 16];
  }

  /** A writer into a growing array: {@link #reset()}, write one item, then read {@link #array()}. */
  SpillWriter() {
    this.out = null;
    this.buf = new byte[256];
  }

  /** In-memory mode: forgets what was written. */
  void reset() {
    pos = 0;
  }

  /** In-memory mode: the bytes written are {@code array()[0 .. length())}. */
  byte[] array() {
    return buf;
  }

  int length() {
    return pos;
  }

  private void ensure(int n) throws IOException {
    if (pos + n <= buf.length) {
      return;
    }
    if (out == null) {
      buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, pos + n));
    } else {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  /** Raw bytes, as they are. */
  public void writeBytes(byte[] b, int offset, int length) throws IOException {
    if (out != null && length > buf.length) {
      out.write(buf, 0, pos);
      pos = 0;
      out.write(b, offset, length);
      return;
    }
    ensure(length);
    System.arraycopy(b, offset, buf, pos, length);
    pos += length;
  }

  public void writeByte(int v) throws IOException {
    ensure(1);
    buf[pos++] = (byte) v;
  }

  public void writeBoolean(boolean v) throws IOException {
    writeByte(v ? 1 : 0);
  }

  public void writeInt(int v) throws IOException {
    ensure(4);
    buf[pos] = (byte) (v >>> 24);
    buf[pos + 1] = (byte) (v >>> 16);
    buf[pos + 2] = (byte) (v >>> 8);
    buf[pos + 3] = (byte) v;
    pos += 4;
  }

  public void writeLong(long v) throws IOException {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  public void writeDouble(double v) throws IOException {
    writeLong(Double.doubleToRawLongBits(v));
  }

  /** A nullable string of any length, UTF-8. */
  public void writeString(@Nullable String s) throws IOException {
    if (s == null) {
      writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeInt(b.length);
    writeBytes(b, 0, b.length);
  }

  public void writeStrings(List<String> list) throws IOException {
    writeInt(list.size());
    for (String s : list) {
      writeString(s);
    }
  }

  public void writeMap(Map<String, String> map) throws IOException {
    writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(e.getKey());
      writeString(e.getValue());
    }
  }

  public void writeInstant(Instant t) throws IOException {
    writeLong(t.getEpochSecond());
    writeInt(t.getNano());
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.write(buf, 0, pos);
      pos = 0;
      out.close();
    }
  }
}
