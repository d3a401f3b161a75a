package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.sigma.Level;
import dev.kumo.tuning.Mutelist;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How to run a hunt.
 *
 * @param threads worker threads; files are spread over them (default: all cores)
 * @param from only events at or after this time
 * @param to only events before this time
 * @param minLevel findings below this level are counted but not kept
 * @param strict stop at the first unreadable file or record
 * @param forcedSource read every input as this source id instead of detecting it
 * @param maxFindingsInMemory findings kept in memory before sorted runs spill to {@code tempDir}
 * @param mutelist suppressions (entries expired on the hunt's day are not applied, and reported)
 * @param showSuppressed keep suppressed findings in the output, marked with their entry
 */
public record HuntOptions(int threads, @Nullable Instant from, @Nullable Instant to, Level minLevel, boolean strict,
    IngestLimits limits, @Nullable String forcedSource, CorrelationLimits correlationLimits, int maxFindingsInMemory,
    Path tempDir, Mutelist mutelist, boolean showSuppressed) {

  public static final int DEFAULT_MAX_FINDINGS_IN_MEMORY = 50_000;

  public HuntOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  public static HuntOptions defaults() {
    return new HuntOptions(Runtime.getRuntime().availableProcessors(), null, null, Level.INFORMATIONAL, false,
        IngestLimits.DEFAULTS, null, CorrelationLimits.DEFAULTS, DEFAULT_MAX_FINDINGS_IN_MEMORY,
        Path.of(System.getProperty("java.io.tmpdir")), Mutelist.EMPTY, false);
  }

  public HuntOptions withThreads(int n) {
    return new HuntOptions(n, from, to, minLevel, strict, limits, forcedSource, correlationLimits,
        maxFindingsInMemory, tempDir, mutelist, showSuppressed);
  }

  public HuntOptions withMinLevel(Level level) {
    return new HuntOptions(threads, from, to, level, strict, limits, forcedSource, correlationLimits,
        maxFindingsInMemory, tempDir, mutelist, showSuppressed);
  }

  public HuntOptions withForcedSource(@Nullable String sourceId) {
    return new HuntOptions(threads, from, to, minLevel, strict, limits, sourceId, correlationLimits,
        maxFindingsInMemory, tempDir, mutelist, showSuppressed);
  }

  public HuntOptions withMutelist(Mutelist list, boolean show) {
    return new HuntOptions(threads, from, to, minLevel, strict, limits, forcedSource, correlationLimits,
        maxFindingsInMemory, tempDir, list, show);
  }

  public boolean inRange(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
