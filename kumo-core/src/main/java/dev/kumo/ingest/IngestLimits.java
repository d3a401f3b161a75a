package dev.kumo.ingest;

import dev.kumo.config.DataSize;

/**
 * Limits that protect a run from hostile or broken input. Every limit has a documented default and a
 * CLI flag; a record that breaks one is skipped with a message naming the limit.
 *
 * @param maxRecordBytes largest single record accepted (default 16 MiB; CloudTrail's own limit is
 *     256 KiB per event). Flag {@code --max-record-size}.
 * @param maxNestingDepth deepest object/array nesting accepted in a record, the record itself being
 *     depth 1 (default 100). Flag {@code --max-depth}.
 * @param maxProblemExamples how many examples of each kind of problem are kept for the report
 *     (default 20); every problem is still counted.
 */
public record IngestLimits(DataSize maxRecordBytes, int maxNestingDepth, int maxProblemExamples)
    implements java.io.Serializable {
  public static final DataSize DEFAULT_MAX_RECORD = DataSize.ofMebibytes(16);
  public static final int DEFAULT_MAX_DEPTH = 100;
  public static final int DEFAULT_MAX_EXAMPLES = 20;
  public static final IngestLimits DEFAULTS =
      new IngestLimits(DEFAULT_MAX_RECORD, DEFAULT_MAX_DEPTH, DEFAULT_MAX_EXAMPLES);

  public IngestLimits {
    if (maxRecordBytes.bytes() < 1024) {
      throw new IllegalArgumentException("max record size must be at least 1 KiB, got " + maxRecordBytes);
    }
    if (maxRecordBytes.bytes() > 1024L * 1024 * 1024) {
      throw new IllegalArgumentException("max record size must be at most 1 GiB, got " + maxRecordBytes);
    }
    if (maxNestingDepth < 2 || maxNestingDepth > 10_000) {
      throw new IllegalArgumentException("max nesting depth must be between 2 and 10000, got " + maxNestingDepth);
    }
    if (maxProblemExamples < 0) {
      throw new IllegalArgumentException("max problem examples must not be negative");
    }
  }

  public IngestLimits withMaxRecordBytes(DataSize size) {
    return new IngestLimits(size, maxNestingDepth, maxProblemExamples);
  }

  public IngestLimits withMaxNestingDepth(int depth) {
    return new IngestLimits(maxRecordBytes, depth, maxProblemExamples);
  }
}
