package dev.kumo.simulate.io;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run wrote, per source: events, files and bytes, and events per account and region; and where
 * the run's files are compressed. Counted on the writing thread, except compressed sizes, which the
 * compressing thread may add later ({@link #fileCompressedLater}); read sizes after
 * {@link Deflation#finish()}.
 * Iteration orders are sorted so reports are stable.
 */
public final class Tally {
  /** The counts of one source. */
  public static final class Counts {
    private long events;
    private long files;
    private long bytes;
    private long uncompressedBytes;
    /** Compressed sizes added by the compressing thread. */
    private final java.util.concurrent.atomic.AtomicLong compressedLater = new java.util.concurrent.atomic.AtomicLong();
    /** account to region to count: no string is built per event. */
    private final Map<String, Map<String, long[]>> byAccountRegion = new HashMap<>();

    public long events() {
      return events;
    }

    public long files() {
      return files;
    }

    /** Bytes on disk. */
    public long bytes() {
      return bytes + compressedLater.get();
    }

    public long uncompressedBytes() {
      return uncompressedBytes;
    }

    /** Events per {@code account/region}. */
    public Map<String, Long> byAccountRegion() {
      Map<String, Long> out = new TreeMap<>();
      byAccountRegion.forEach((account, regions) -> regions.forEach((region, n) -> out.put(account + "/" + region, n[0])));
      return java.util.Collections.unmodifiableMap(out);
    }
  }

  private final Map<String, Counts> sources = new TreeMap<>();
  private long total;
  private final Deflation deflation;

  /** A tally whose files are compressed on the writing thread. */
  public Tally() {
    this(Deflation.inline());
  }

  public Tally(Deflation deflation) {
    this.deflation = deflation;
  }

  /** Where the run's files are compressed. */
  public Deflation deflation() {
    return deflation;
  }

  /**
   * Counts a closed file of {@code source} whose compressed size is not known yet; the returned consumer
   * adds it when it is (from any thread).
   */
  public java.util.function.LongConsumer fileCompressedLater(String source, long uncompressedBytes) {
    Counts c = counts(source);
    c.files++;
    c.uncompressedBytes += uncompressedBytes;
    return c.compressedLater::addAndGet;
  }

  /** Counts one event of {@code source} for {@code account} in {@code region}. */
  public void event(String source, String account, String region) {
    Counts c = counts(source);
    c.events++;
    c.byAccountRegion.computeIfAbsent(account, k -> new HashMap<>()).computeIfAbsent(region, k -> new long[1])[0]++;
    total++;
  }

  /** Counts a closed file of {@code source}. */
  public void file(String source, long bytes, long uncompressedBytes) {
    Counts c = counts(source);
    c.files++;
    c.bytes += bytes;
    c.uncompressedBytes += uncompressedBytes;
  }

  public long totalEvents() {
    return total;
  }

  /** Counts per source id, sorted by id. */
  public Map<String, Counts> sources() {
    return java.util.Collections.unmodifiableMap(sources);
  }

  private Counts counts(String source) {
    return sources.computeIfAbsent(source, k -> new Counts());
  }
}
