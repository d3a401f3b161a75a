package dev.kumo.event;

import java.io.Serializable;

/**
 * Where a record was read: so an analyst can open the raw log.
 *
 * @param file the input file as named by the user ({@code -} for stdin)
 * @param line 1-based line where the record starts
 * @param record 1-based position of the record within the file
 */
public record Origin(String file, long line, long record) implements Serializable {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
