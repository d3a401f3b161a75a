package dev.kumo.simulate.io;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run wrote, per source: events, files and bytes, and events per account and region.
 * Single-threaded; iteration orders are sorted so reports are stable.
 */
public final class Tally {
  /** The counts of one source. */
  public static final class Counts {
    private long events;
    private long files;
    private long bytes;
    private long uncompressedBytes;
    private final Map<String, Long> byAccountRegion = new TreeMap<>();

    public long events() {
      return events;
    }

    public long files() {
      return files;
    }

    /** Bytes on disk. */
    public long bytes() {
      return bytes;
    }

    public long uncompressedBytes() {
      return uncompressedBytes;
    }

    /** Events per {@code account/region}. */
    public Map<String, Long> byAccountRegion() {
      return java.util.Collections.unmodifiableMap(byAccountRegion);
    }
  }

  private final Map<String, Counts> sources = new TreeMap<>();
  private long total;

  /** Counts one event of {@code source} for {@code account} in {@code region}. */
  public void event(String source, String account, String region) {
    Counts c = counts(source);
    c.events++;
    c.byAccountRegion.merge(account + "/" + region, 1L, Long::sum);
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
