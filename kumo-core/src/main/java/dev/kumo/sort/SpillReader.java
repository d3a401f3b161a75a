package dev.kumo.sort;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads what {@link SpillWriter} wrote, from a stream or from an array. Not thread-safe. */
public final class SpillReader implements Closeable {
  private final @Nullable InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;

  /** A reader of a stream. */
  public SpillReader(InputStream in) {
    this.in = in;
    this.buf = new byte[1 << 16];
  }

  /** A reader of {@code length} bytes of {@code array} from {@code offset}. */
  SpillReader(byte[] array, int offset, int length) {
    this.in = null;
    this.buf = array;
    this.pos = offset;
    this.limit = offset + length;
  }

  private void need(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    if (in == null) {
      throw new EOFException("item ended early");
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        throw new EOFException("spill file ended early");
      }
      limit += r;
    }
  }

  public int readByte() throws IOException {
    need(1);
    return buf[pos++];
  }

  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  public int readInt() throws IOException {
    need(4);
    int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
        | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  public @Nullable String readString() throws IOException {
    int n = readInt();
    if (n < 0) {
      return null;
    }
    if (in != null && n > buf.length) {
      byte[] b = new byte[n];
      readFully(b, 0, n);
      return new String(b, StandardCharsets.UTF_8);
    }
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Reads exactly {@code n} raw bytes into {@code b} from {@code offset}. */
  public void readFully(byte[] b, int offset, int n) throws IOException {
    int have = Math.min(n, limit - pos);
    System.arraycopy(buf, pos, b, offset, have);
    pos += have;
    int off = have;
    while (off < n) {
      if (in == null) {
        throw new EOFException("item ended early");
      }
      int r = in.read(b, offset + off, n - off);
      if (r < 0) {
        throw new EOFException("spill file ended early");
      }
      off += r;
    }
  }

  public List<String> readStrings() throws IOException {
    int n = readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString());
    }
    return out;
  }

  public Map<String, String> readMap() throws IOException {
    int n = readInt();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(readString(), readString());
    }
    return out;
  }

  public Instant readInstant() throws IOException {
    return Instant.ofEpochSecond(readLong(), readInt());
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
