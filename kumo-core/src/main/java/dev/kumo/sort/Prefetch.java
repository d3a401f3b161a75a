package dev.kumo.sort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads an iterator ahead on a daemon thread, in batches, so decoding a spill file overlaps with the
 * merge on another core. At most {@code 2 * BATCH} items wait in memory.
 */
final class Prefetch<T> implements Iterator<T>, java.io.Closeable {
  private static final int BATCH = 1024;
  private static final List<Object> END = new ArrayList<>();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
  private List<T> batch = List.of();
  private int pos;
  private boolean done;
  private final Thread thread;

  Prefetch(Iterator<T> source, String name) {
    Thread t = new Thread(() -> {
      try {
        List<T> b = new ArrayList<>(BATCH);
        while (source.hasNext()) {
          b.add(source.next());
          if (b.size() == BATCH) {
            queue.put(b);
            b = new ArrayList<>(BATCH);
          }
        }
        if (!b.isEmpty()) {
          queue.put(b);
        }
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        try {
          queue.put(e);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }, name);
    t.setDaemon(true);
    this.thread = t;
    t.start();
  }

  /**
   * Stops reading ahead when the reader is abandoned before the end (the thread would otherwise wait
   * forever to hand over its next batch).
   */
  @Override
  public void close() {
    done = true;
    thread.interrupt();
    queue.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean hasNext() {
    while (!done && pos == batch.size()) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading a sort run", e);
      }
      if (next == END) {
        done = true;
      } else if (next instanceof RuntimeException e) {
        throw e;
      } else {
        batch = (List<T>) next;
        pos = 0;
      }
    }
    return !done;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.get(pos++);
  }
}
