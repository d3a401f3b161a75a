package dev.kumo.sort;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Collects items and returns them sorted, keeping at most {@code maxInMemory} in memory: beyond that,
 * sorted runs are written to temporary files (deleted on {@link #close()}) and merged on read.
 * Thread-safe for {@link #add}; iterate once, after all adds.
 */
public final class ExternalSorter<T> implements Closeable {
  private final Comparator<T> order;
  private final Codec<T> codec;
  private final int maxInMemory;
  private final Path tempDir;
  private final List<T> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long count;

  /**
   * @param tempDir where spill files go (created if needed)
   */
  public ExternalSorter(Comparator<T> order, Codec<T> codec, int maxInMemory, Path tempDir) {
    if (maxInMemory < 1) {
      throw new IllegalArgumentException("maxInMemory must be positive, got " + maxInMemory);
    }
    this.order = order;
    this.codec = codec;
    this.maxInMemory = maxInMemory;
    this.tempDir = tempDir;
  }

  public synchronized void add(T item) {
    buffer.add(item);
    count++;
    if (buffer.size() >= maxInMemory) {
      spill();
    }
  }

  /** Items added so far. */
  public synchronized long size() {
    return count;
  }

  /** Number of runs written to disk so far. */
  public synchronized int spilledRuns() {
    return runs.size();
  }

  private void spill() {
    buffer.sort(order);
    try {
      Files.createDirectories(tempDir);
      Path run = Files.createTempFile(tempDir, "kumo-sort-", ".run");
      run.toFile().deleteOnExit();
      try (SpillWriter out = new SpillWriter(Files.newOutputStream(run))) {
        for (T item : buffer) {
          out.writeBoolean(true);
          codec.write(item, out);
        }
        out.writeBoolean(false);
      }
      runs.add(run);
      buffer.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a sort run to " + tempDir, e);
    }
  }

  /**
   * Sorts the items held in memory now, so the caller's thread does the work (a hunt worker calls it
   * when it runs out of files, in parallel with the others) rather than {@link #sorted()} later.
   */
  public synchronized void sortBuffer() {
    buffer.sort(order);
  }

  /** All items in order. Call once, after the last {@link #add}. */
  public synchronized Iterator<T> sorted() {
    buffer.sort(order); // cheap when sortBuffer() already ran: the list is sorted
    List<Iterator<T>> sources = new ArrayList<>();
    sources.add(buffer.iterator());
    for (Path run : runs) {
      sources.add(new Prefetch<>(new RunIterator(run), "kumo-sort-read"));
    }
    return merge(order, sources);
  }

  /**
   * Merges iterators that are each sorted by {@code order} into one sorted iterator; ties keep the
   * order of the list, so the merge is stable and deterministic.
   */
  public static <T> Iterator<T> merge(Comparator<T> order, List<Iterator<T>> sources) {
    if (sources.size() == 1) {
      return sources.get(0);
    }
    return new MergeIterator<>(order, sources);
  }

  /** The items of several sorters, merged in order (each sorter iterated once). */
  public static <T> Iterator<T> sortedAll(Comparator<T> order, List<ExternalSorter<T>> sorters) {
    List<Iterator<T>> its = new ArrayList<>();
    for (ExternalSorter<T> s : sorters) {
      its.add(s.sorted());
    }
    return merge(order, its);
  }

  @Override
  public synchronized void close() {
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        // best effort: the file is also marked deleteOnExit
      }
    }
    runs.clear();
    buffer.clear();
  }

  private final class RunIterator implements Iterator<T> {
    private final SpillReader in;
    private T next;
    private boolean done;

    RunIterator(Path run) {
      try {
        in = new SpillReader(Files.newInputStream(run));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      advance();
    }

    private void advance() {
      try {
        if (in.readBoolean()) {
          next = codec.read(in);
        } else {
          done = true;
          in.close();
        }
      } catch (EOFException e) {
        throw new UncheckedIOException("sort run ended early", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public T next() {
      if (done) {
        throw new NoSuchElementException();
      }
      T item = next;
      advance();
      return item;
    }
  }

  private static final class MergeIterator<T> implements Iterator<T> {
    private final PriorityQueue<Head<T>> heads;

    private static final class Head<T> {
      final Iterator<T> source;
      final int rank;
      T item;

      Head(Iterator<T> source, int rank) {
        this.source = source;
        this.rank = rank;
        this.item = source.next();
      }
    }

    MergeIterator(Comparator<T> order, List<Iterator<T>> sources) {
      heads = new PriorityQueue<>((a, b) -> {
        int c = order.compare(a.item, b.item);
        return c != 0 ? c : Integer.compare(a.rank, b.rank);
      });
      for (int i = 0; i < sources.size(); i++) {
        if (sources.get(i).hasNext()) {
          heads.add(new Head<>(sources.get(i), i));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public T next() {
      Head<T> h = heads.poll();
      if (h == null) {
        throw new NoSuchElementException();
      }
      T item = h.item;
      if (h.source.hasNext()) {
        h.item = h.source.next();
        heads.add(h);
      }
      return item;
    }
  }
}
