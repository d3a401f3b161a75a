package dev.kumo.ingest;

/** A record that cannot be normalized; the message is one line for people. */
public final class InvalidRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ProblemKind kind;

  public InvalidRecordException(ProblemKind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public ProblemKind kind() {
    return kind;
  }
}
