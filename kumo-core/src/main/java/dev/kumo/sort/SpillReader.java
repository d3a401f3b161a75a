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

/** Reads what {@link SpillWriter} wrote. Not thread-safe. */
public final class SpillReader implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;

  public SpillReader(InputStream in) {
    this.in = in;
  }

  private void need(int n) throws IOException {
    if (limit - pos >= n) {
      return;
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
    if (n > buf.length) {
      byte[] b = new byte[n];
      int have = limit - pos;
      System.arraycopy(buf, pos, b, 0, have);
      pos = limit;
      int off = have;
      while (off < n) {
        int r = in.read(b, off, n - off);
        if (r < 0) {
          throw new EOFException("spill file ended early");
        }
        off += r;
      }
      return new String(b, StandardCharsets.UTF_8);
    }
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
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
    in.close();
  }
}
