package dev.kumo.sort;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Collects items and returns them sorted by their {@linkplain Codec#writeKey keys}, keeping at most
 * {@code maxInMemory} items (and {@link #MAX_BYTES_IN_MEMORY}) in memory: beyond that, sorted runs are
 * written to temporary files (deleted on {@link #close()}) and merged on read. Items are held encoded
 * (key and payload bytes in large shared arrays), so a full buffer costs the garbage collector almost
 * nothing; they are decoded once, on a reader thread, as they are merged. Items with equal keys come out in
 * the order they were added. Thread-safe for {@link #add}; iterate once, after all adds.
 */
public final class ExternalSorter<T> implements Closeable {
  /** Encoded bytes held in memory before a run is spilled, whatever the item count. */
  public static final long MAX_BYTES_IN_MEMORY = 64L << 20;

  private final Codec<T> codec;
  private final int maxInMemory;
  private final Path tempDir;
  private final EntryBuffer buffer = new EntryBuffer();
  private final SortKey key = new SortKey();
  private final SpillWriter payload = new SpillWriter();
  private final List<Path> runs = new ArrayList<>();
  /** Readers handed out by {@link #sorted()}: stopped on {@link #close()} in case they were not read to the end. */
  private final List<Prefetch<?>> readers = new ArrayList<>();
  private long count;

  /**
   * @param tempDir where spill files go (created if needed)
   */
  public ExternalSorter(Codec<T> codec, int maxInMemory, Path tempDir) {
    if (maxInMemory < 1) {
      throw new IllegalArgumentException("maxInMemory must be positive, got " + maxInMemory);
    }
    this.codec = codec;
    this.maxInMemory = maxInMemory;
    this.tempDir = tempDir;
  }

  public synchronized void add(T item) {
    key.reset();
    codec.writeKey(item, key);
    payload.reset();
    try {
      codec.write(item, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    buffer.add(key.array(), key.length(), payload.array(), payload.length());
    count++;
    if (buffer.size() >= maxInMemory || buffer.bytes() >= MAX_BYTES_IN_MEMORY) {
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
    buffer.sort();
    try {
      Files.createDirectories(tempDir);
      Path run = Files.createTempFile(tempDir, "kumo-sort-", ".run");
      run.toFile().deleteOnExit();
      try (SpillWriter out = new SpillWriter(Files.newOutputStream(run))) {
        out.writeInt(buffer.size());
        buffer.writeTo(out);
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
    buffer.sort();
  }

  /** All items in order. Call once, after the last {@link #add}. */
  public Iterator<T> sorted() {
    return decoded(merge(entries()));
  }

  /** The items of several sorters, merged in order (each sorter iterated once; ties in list order). */
  public static <T> Iterator<T> sortedAll(List<ExternalSorter<T>> sorters) {
    List<Iterator<Decoded<T>>> its = new ArrayList<>();
    for (ExternalSorter<T> s : sorters) {
      its.addAll(s.entries());
    }
    return decoded(merge(its));
  }

  /** Each source of this sorter (runs, then memory), decoded ahead on a reader thread. */
  private synchronized List<Iterator<Decoded<T>>> entries() {
    buffer.sort(); // cheap when sortBuffer() already ran
    List<Iterator<Decoded<T>>> sources = new ArrayList<>(); // oldest first, so ties keep the order of adds
    for (Path run : runs) {
      sources.add(reader(decoding(new RunIterator(run))));
    }
    sources.add(reader(decoding(new BufferIterator())));
    return sources;
  }

  private Prefetch<Decoded<T>> reader(Iterator<Decoded<T>> source) {
    Prefetch<Decoded<T>> p = new Prefetch<>(source, "kumo-sort-read");
    readers.add(p);
    return p;
  }

  @Override
  public synchronized void close() {
    readers.forEach(Prefetch::close);
    readers.clear();
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        // best effort: the file is also marked deleteOnExit
      }
    }
    runs.clear();
    buffer.release();
  }

  /** An entry and its decoded item. */
  private record Decoded<T>(Entry entry, T item) {}

  private Iterator<Decoded<T>> decoding(Iterator<Entry> entries) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Decoded<T> next() {
        Entry e = entries.next();
        try {
          return new Decoded<>(e, codec.read(e.payload()));
        } catch (IOException ex) {
          throw new UncheckedIOException("corrupt sort entry", ex);
        }
      }
    };
  }

  private static <T> Iterator<T> decoded(Iterator<Decoded<T>> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next().item();
      }
    };
  }

  private final class BufferIterator implements Iterator<Entry> {
    private int i;

    @Override
    public boolean hasNext() {
      return i < buffer.size();
    }

    @Override
    public Entry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.entry(i++);
    }
  }

  private static final class RunIterator implements Iterator<Entry> {
    private final SpillReader in;
    private int left;

    RunIterator(Path run) {
      try {
        in = new SpillReader(Files.newInputStream(run));
        left = in.readInt();
      } catch (EOFException e) {
        throw new UncheckedIOException("sort run ended early: " + run, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      closeIfDone();
    }

    @Override
    public boolean hasNext() {
      return left > 0;
    }

    @Override
    public Entry next() {
      if (left <= 0) {
        throw new NoSuchElementException();
      }
      try {
        Entry e = Entry.readFrom(in);
        left--;
        closeIfDone();
        return e;
      } catch (EOFException e) {
        throw new UncheckedIOException("sort run ended early", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void closeIfDone() {
      if (left == 0) {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Merges sources that are each in key order; ties keep the order of the list, so the merge is stable. */
  private static <T> Iterator<Decoded<T>> merge(List<Iterator<Decoded<T>>> sources) {
    return sources.size() == 1 ? sources.get(0) : new MergeIterator<>(sources);
  }

  private static final class MergeIterator<T> implements Iterator<Decoded<T>> {
    private final PriorityQueue<Head<T>> heads;

    private static final class Head<T> {
      final Iterator<Decoded<T>> source;
      final int rank;
      Decoded<T> item;

      Head(Iterator<Decoded<T>> source, int rank) {
        this.source = source;
        this.rank = rank;
        this.item = source.next();
      }
    }

    MergeIterator(List<Iterator<Decoded<T>>> sources) {
      heads = new PriorityQueue<>((a, b) -> {
        int c = a.item.entry().compareTo(b.item.entry());
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
    public Decoded<T> next() {
      Head<T> h = heads.poll();
      if (h == null) {
        throw new NoSuchElementException();
      }
      Decoded<T> item = h.item;
      if (h.source.hasNext()) {
        h.item = h.source.next();
        heads.add(h);
      }
      return item;
    }
  }
}
