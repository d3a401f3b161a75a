package dev.kumo.ingest;

import java.util.concurrent.atomic.LongAdder;

/** Live counters for progress display; updated by readers from any thread. */
public final class Progress {
  private final LongAdder rawBytes = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final LongAdder filesDone = new LongAdder();

  public void addRawBytes(long n) {
    rawBytes.add(n);
  }

  public void addEvents(long n) {
    events.add(n);
  }

  public void fileDone() {
    filesDone.increment();
  }

  /** Bytes read from disk (compressed size for compressed files). */
  public long rawBytes() {
    return rawBytes.sum();
  }

  public long events() {
    return events.sum();
  }

  public long filesDone() {
    return filesDone.sum();
  }
}
