package dev.kumo.cli.output;

import dev.kumo.ingest.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on stderr (files, events, events/s, ETA from bytes read), redrawn a
 * few times a second. Only started when stderr is a terminal.
 */
public final class ProgressBar implements AutoCloseable {
  private final Progress progress;
  private final PrintStream err;
  private final long totalBytes;
  private final int totalFiles;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  public ProgressBar(Progress progress, PrintStream err, long totalBytes, int totalFiles) {
    this.progress = progress;
    this.err = err;
    this.totalBytes = totalBytes;
    this.totalFiles = totalFiles;
    this.thread = new Thread(this::loop, "kumo-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      draw();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void draw() {
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = progress.rawBytes();
    long events = progress.events();
    double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : 0;
    int width = 24;
    int filled = (int) (fraction * width);
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    String eta = "";
    if (fraction > 0.02 && fraction < 1) {
      long left = (long) (seconds / fraction * (1 - fraction));
      eta = String.format(Locale.ROOT, " · ETA %d:%02d", left / 60, left % 60);
    }
    err.print(String.format(Locale.ROOT, "\r[%s] %d/%d files · %s events · %s ev/s%s\u001b[K", bar,
        progress.filesDone(), totalFiles, Numbers.compact(events), Numbers.compact(events / Math.max(seconds, 0.001)),
        eta));
    err.flush();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.print("\r\u001b[K");
    err.flush();
  }
}
