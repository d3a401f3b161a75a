package dev.kumo.simulate.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Where gzip files of a run are compressed: inline, on the writing thread, or on one background thread
 * so that compression (about 40% of a simulation's work) runs beside event generation. Background tasks
 * run in the order given, so each file's blocks are deflated in order; at most {@link #MAX_PENDING} wait,
 * which bounds the memory they hold. A failure is reported by the next {@link #run} or by {@link #finish}.
 */
public final class Deflation {
  /** Blocks (of up to 64 KiB) waiting to be compressed at most. */
  static final int MAX_PENDING = 64;

  /** A step of writing a compressed file. */
  @FunctionalInterface
  public interface Step {
    void run() throws IOException;
  }

  private final @Nullable ExecutorService worker;
  private final Semaphore slots = new Semaphore(MAX_PENDING);
  private final AtomicReference<IOException> failure = new AtomicReference<>();

  private Deflation(@Nullable ExecutorService worker) {
    this.worker = worker;
  }

  /** Compression on the writing thread. */
  public static Deflation inline() {
    return new Deflation(null);
  }

  /** Compression on a background thread; call {@link #finish()} when the run ends. */
  public static Deflation background() {
    return new Deflation(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kumo-simulate-deflate");
      t.setDaemon(true);
      return t;
    }));
  }

  /** Whether steps run later, on the background thread. */
  public boolean async() {
    return worker != null;
  }

  /** Runs {@code step} now (inline) or after the steps given before it (background). */
  public void run(Step step) throws IOException {
    if (worker == null) {
      step.run();
      return;
    }
    rethrow();
    slots.acquireUninterruptibly();
    worker.execute(() -> {
      try {
        if (failure.get() == null) {
          step.run();
        }
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, new IOException(e));
      } finally {
        slots.release();
      }
    });
  }

  /** Waits for every step given so far, and stops the background thread. */
  public void finish() throws IOException {
    if (worker != null) {
      worker.shutdown();
      try {
        while (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
          // still compressing: a slow disk
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while compressing", e);
      }
    }
    rethrow();
  }

  private void rethrow() throws IOException {
    IOException e = failure.get();
    if (e != null) {
      throw new IOException("compressing a file failed: " + e.getMessage(), e);
    }
  }

  /** Unchecked for use in callbacks that cannot throw. */
  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
