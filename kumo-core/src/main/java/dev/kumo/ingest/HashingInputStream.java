package dev.kumo.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes the SHA-256 of every byte read through it, and counts them. Not thread-safe. */
final class HashingInputStream extends FilterInputStream {
  private final MessageDigest sha256;
  private long count;

  HashingInputStream(InputStream in) {
    super(in);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      sha256.update(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // route skipped bytes through read so they are hashed
    byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Bytes hashed so far. */
  long count() {
    return count;
  }

  /** The hash of everything read, as lower-case hex; ends the computation. */
  String hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
