package dev.kumo.ingest;

import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A source whose records are text lines (space-separated, CSV, key=value ...). */
public interface TextLogSource extends LogSource {
  /**
   * Looks at the first non-blank lines of a file (up to 20) and, when they are this source's,
   * returns a parser for the file (which may depend on a header line).
   */
  Optional<LineParser> sniff(List<String> firstLines);

  /** Parses the lines of one file into named fields. */
  @FunctionalInterface
  interface LineParser {
    /**
     * The fields of one line, or null for lines that hold no record (headers, comments).
     *
     * @throws InvalidRecordException when the line does not follow the format
     */
    @Nullable JsonObject parse(String line);

    /**
     * Records still held at the end of the file, for formats whose records span several lines
     * (auditd groups SYSCALL, PATH and PROCTITLE lines by event serial). Empty by default.
     */
    default java.util.List<JsonObject> flush() {
      return java.util.List.of();
    }
  }
}
