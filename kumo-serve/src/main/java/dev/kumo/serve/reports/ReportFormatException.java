package dev.kumo.serve.reports;

/** A report file that cannot be used as a whole (wrong schema, not JSON, too large); the message is {@code file:line: reason}. */
public final class ReportFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportFormatException(String message) {
    super(message, null, false, false);
  }
}
