package dev.kumo.sort;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Helpers for codecs: nullable strings of any length, lists, maps and instants. */
public final class BinaryIO {
  private BinaryIO() {}

  public static void writeString(DataOutput out, @Nullable String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static @Nullable String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static void writeStrings(DataOutput out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  public static List<String> readStrings(DataInput in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(in));
    }
    return out;
  }

  public static void writeMap(DataOutput out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  public static Map<String, String> readMap(DataInput in) throws IOException {
    int n = in.readInt();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(readString(in), readString(in));
    }
    return out;
  }

  public static void writeInstant(DataOutput out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  public static Instant readInstant(DataInput in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
