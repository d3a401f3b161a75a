package dev.kumo.intel;

/**
 * Something in a feed Kumo could not use, reported rather than silently ignored.
 *
 * @param file the feed file or URL
 * @param where where in it: {@code line 12}, an indicator id, an attribute uuid
 * @param reason what was wrong or unsupported, in one line
 */
public record IntelProblem(String file, String where, String reason) {
  @Override
  public String toString() {
    return file + ": " + where + ": " + reason;
  }
}
