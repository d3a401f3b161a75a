package dev.kumo.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports bytes read to a {@link Progress}, in chunks to keep contention low. */
final class CountingInputStream extends FilterInputStream {
  private final Progress progress;
  private long pending;
  private long total;

  CountingInputStream(InputStream in, Progress progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) {
    total += n;
    pending += n;
    if (pending >= 256 * 1024) {
      progress.addRawBytes(pending);
      pending = 0;
    }
  }

  long total() {
    return total;
  }

  @Override
  public void close() throws IOException {
    progress.addRawBytes(pending);
    pending = 0;
    super.close();
  }
}
