package dev.kumo.simulate.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip file being written: the stream to write uncompressed bytes to, and the compressed size once
 * closed. The gzip header carries no time or name, so equal content gives equal files.
 */
public final class GzipFile extends OutputStream {
  /** Compression level: fast, as log shippers use; the format is the same at any level. */
  private static final int LEVEL = Deflater.BEST_SPEED;

  /** Uncompressed bytes are gathered into blocks this large before deflating: deflating many small writes is slow. */
  private static final int BLOCK = 1 << 16;

  private final Counting counting;
  private final GZIPOutputStream gzip;
  private final Deflation deflation;
  private byte[] block = new byte[BLOCK];
  private int pending;
  private long uncompressed;

  private GzipFile(Path path, Deflation deflation) throws IOException {
    this.deflation = deflation;
    Files.createDirectories(path.getParent());
    this.counting = new Counting(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    this.gzip = new GZIPOutputStream(counting, 1 << 16) {
      {
        def.setLevel(LEVEL);
      }
    };
  }

  /** Creates (or replaces) {@code path} and its parent folders; compresses on the writing thread. */
  public static GzipFile create(Path path) throws IOException {
    return new GzipFile(path, Deflation.inline());
  }

  /** Creates (or replaces) {@code path} and its parent folders; compresses where {@code deflation} says. */
  public static GzipFile create(Path path, Deflation deflation) throws IOException {
    return new GzipFile(path, deflation);
  }

  @Override
  public void write(int b) throws IOException {
    if (pending == BLOCK) {
      drain();
    }
    block[pending++] = (byte) b;
    uncompressed++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    uncompressed += len;
    if (len >= BLOCK) {
      drain();
      byte[] copy = deflation.async() ? java.util.Arrays.copyOfRange(b, off, off + len) : b;
      int from = deflation.async() ? 0 : off;
      deflation.run(() -> gzip.write(copy, from, len));
      return;
    }
    if (pending + len > BLOCK) {
      drain();
    }
    System.arraycopy(b, off, block, pending, len);
    pending += len;
  }

  private void drain() throws IOException {
    if (pending > 0) {
      byte[] full = block;
      int n = pending;
      deflation.run(() -> gzip.write(full, 0, n));
      if (deflation.async()) {
        block = new byte[BLOCK]; // the full block now belongs to the compressing thread
      }
      pending = 0;
    }
  }

  @Override
  public void flush() {
    // compressed output is flushed on close only: flushing gzip mid-stream would hurt the ratio
  }

  @Override
  public void close() throws IOException {
    drain();
    deflation.run(gzip::close);
  }

  /**
   * Closes the file and counts it in {@code tally} under {@code source}: its compressed size once it is known
   * (at once when compressing inline, later when compressing in the background).
   */
  public void closeInto(Tally tally, String source) throws IOException {
    drain();
    long size = uncompressed;
    if (deflation.async()) {
      java.util.function.LongConsumer sized = tally.fileCompressedLater(source, size);
      deflation.run(() -> {
        gzip.close();
        sized.accept(counting.count);
      });
    } else {
      gzip.close();
      tally.file(source, counting.count, size);
    }
  }

  /** Bytes written to the file so far (all of them once closed and compressed). */
  public long compressedBytes() {
    return counting.count;
  }

  /** Bytes given to {@link #write}. */
  public long uncompressedBytes() {
    return uncompressed;
  }

  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
