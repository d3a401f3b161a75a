package dev.kumo.sort;

import java.io.IOException;
import java.util.Arrays;

/**
 * One encoded item: its sort key, then its payload, in {@code array} from {@code offset} (a view: the
 * array may hold other entries).
 */
record Entry(byte[] array, int offset, int keyLength, int payloadLength) {

  /** Key order (unsigned bytes). */
  int compareTo(Entry o) {
    return Arrays.compareUnsigned(array, offset, offset + keyLength, o.array, o.offset, o.offset + o.keyLength);
  }

  /** A reader of the payload. */
  SpillReader payload() {
    return new SpillReader(array, offset + keyLength, payloadLength);
  }

  /** Spill-file form: key length, payload length, key, payload. */
  void writeTo(SpillWriter out) throws IOException {
    out.writeInt(keyLength);
    out.writeInt(payloadLength);
    out.writeBytes(array, offset, keyLength + payloadLength);
  }

  /** Reads the spill-file form. */
  static Entry readFrom(SpillReader in) throws IOException {
    int k = in.readInt();
    int p = in.readInt();
    if (k < 0 || p < 0) {
      throw new IOException("corrupt sort run: negative length");
    }
    byte[] b = new byte[k + p];
    in.readFully(b, 0, k + p);
    return new Entry(b, 0, k, p);
  }
}
