package dev.kumo.ingest;

/** Why a file or record could not be used. Each kind is counted separately in the summary. */
public enum ProblemKind {
  EMPTY_FILE("empty file", true),
  UNREADABLE_FILE("file cannot be read", true),
  BINARY_FILE("binary file, not a log", true),
  UNKNOWN_FORMAT("not a recognized log format", true),
  TRUNCATED_GZIP("truncated gzip stream", true),
  CORRUPT_GZIP("corrupt gzip stream", true),
  MALFORMED_JSON("malformed JSON", false),
  INVALID_UTF8("invalid UTF-8", false),
  RECORD_TOO_LARGE("record larger than the limit", false),
  NESTING_TOO_DEEP("record nested deeper than the limit", false),
  NOT_AN_OBJECT("record is not a JSON object", false),
  INCOMPLETE_RECORD("record cut off at end of file", false),
  NOT_SOURCE_RECORD("record is not of the file's log type", false),
  MALFORMED_RECORD("record does not follow its log format", false);

  private final String description;
  private final boolean fileLevel;

  ProblemKind(String description, boolean fileLevel) {
    this.description = description;
    this.fileLevel = fileLevel;
  }

  public String description() {
    return description;
  }

  /** Whether the problem concerns a whole file (or its rest) rather than one record. */
  public boolean fileLevel() {
    return fileLevel;
  }

  /** The snake_case id used in JSON summaries. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
