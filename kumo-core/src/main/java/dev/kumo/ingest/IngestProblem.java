package dev.kumo.ingest;

/**
 * One file or record Kumo could not use.
 *
 * @param file the input as named by the user
 * @param line 1-based line where the record starts (0 for file-level problems without a position)
 * @param record 1-based record number within the file (0 when not applicable)
 * @param message one line for people; log content in it is not yet escaped for any medium
 */
public record IngestProblem(String file, long line, long record, ProblemKind kind, String message) {
  /** {@code file:line (record N): message}. */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (record > 0) {
      sb.append(" (record ").append(record).append(')');
    }
    return sb.append(": ").append(message).toString();
  }
}
