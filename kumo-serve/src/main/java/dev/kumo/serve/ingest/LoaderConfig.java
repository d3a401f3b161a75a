package dev.kumo.serve.ingest;

import dev.kumo.casestore.CaseOptions;
import dev.kumo.hunt.HuntOptions;
import java.time.Duration;

/**
 * How the loader works.
 *
 * @param hunt the hunt's options (threads, limits, mutelist)
 * @param caseOptions how loads write the case
 * @param maxUnitsPerLoad the most spool units one load takes (oldest first); each load re-checks the
 *     whole case for repeated event ids, so fewer, larger loads keep up with a high event rate
 * @param maxBytesPerLoad a load takes units until their bytes reach this (always at least one unit)
 * @param idlePoll how long the loader waits for a new unit before looking at the spool again
 * @param maxAttempts loads of a unit that may fail before it is moved to the spool's {@code failed/}
 * @param stream how detection state continues across loads
 */
public record LoaderConfig(HuntOptions hunt, CaseOptions caseOptions, int maxUnitsPerLoad, long maxBytesPerLoad,
    Duration idlePoll, int maxAttempts, StreamConfig stream) {
  /** With the default {@link StreamConfig}. */
  public LoaderConfig(HuntOptions hunt, CaseOptions caseOptions, int maxUnitsPerLoad, long maxBytesPerLoad,
      Duration idlePoll, int maxAttempts) {
    this(hunt, caseOptions, maxUnitsPerLoad, maxBytesPerLoad, idlePoll, maxAttempts, StreamConfig.defaults());
  }

  public LoaderConfig {
    if (maxUnitsPerLoad < 1 || maxBytesPerLoad < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("maxUnitsPerLoad, maxBytesPerLoad and maxAttempts must be positive");
    }
    if (idlePoll.isNegative() || idlePoll.isZero()) {
      throw new IllegalArgumentException("idlePoll must be positive, got " + idlePoll);
    }
  }

  /** This configuration with another stream configuration. */
  public LoaderConfig withStream(StreamConfig newStream) {
    return new LoaderConfig(hunt, caseOptions, maxUnitsPerLoad, maxBytesPerLoad, idlePoll, maxAttempts, newStream);
  }

  /**
   * Default hunt and case options, up to 1,000 units or 256 MiB per load, 500 ms idle poll, 3
   * attempts, default stream.
   */
  public static LoaderConfig defaults() {
    return new LoaderConfig(HuntOptions.defaults(), CaseOptions.DEFAULTS, 1_000, 256L << 20, Duration.ofMillis(500),
        3);
  }
}
