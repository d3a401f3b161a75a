package dev.kumo.ingest.m365;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one CSV file (RFC 4180: comma-separated, fields optionally in double quotes with
 * {@code ""} for a quote) line by line into objects keyed by the header's column names. A quoted
 * field may span lines: the row is completed by the following lines. Not thread-safe: one instance
 * per file.
 */
final class CsvRows {
  /** The most lines and characters one row may span before it is reported as unterminated. */
  static final int MAX_ROW_LINES = 10_000;
  static final int MAX_ROW_CHARS = 16 * 1024 * 1024;

  private final List<String> header;
  private final StringBuilder pending = new StringBuilder();
  private int pendingLines;

  CsvRows(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** The column names of a header line, or null when the line is not well-formed CSV. */
  static @Nullable List<String> header(String line) {
    List<String> fields = split(stripBom(line));
    if (fields == null) {
      return null;
    }
    List<String> names = new ArrayList<>(fields.size());
    for (String f : fields) {
      names.add(f.trim());
    }
    return names;
  }

  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /**
   * The row that {@code line} completes, or null when the line holds no row (blank, the header
   * repeated, a PowerShell {@code #TYPE} line) or opens a quoted field that continues on the next
   * line. Each line is scanned once, so a long multi-line row costs linear time.
   *
   * @throws InvalidRecordException when the row has more fields than the header, or a quoted field
   *     does not end within the limits
   */
  @Nullable JsonObject row(String line) {
    boolean continuing = pending.length() > 0;
    String text = continuing ? line : stripBom(line);
    if (!continuing && (text.isBlank() || text.startsWith("#TYPE "))) {
      return null;
    }
    boolean open = scanOpensQuote(text, continuing);
    if (continuing) {
      pending.append('\n').append(text);
      pendingLines++;
    }
    if (open) {
      if (!continuing) {
        pending.append(text);
        pendingLines = 1;
      } else if (pendingLines >= MAX_ROW_LINES || pending.length() > MAX_ROW_CHARS) {
        pending.setLength(0);
        pendingLines = 0;
        inQuotes = false;
        throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
            "CSV quoted field not closed within " + MAX_ROW_LINES + " lines or " + MAX_ROW_CHARS + " characters; row skipped");
      }
      return null;
    }
    String full = continuing ? pending.toString() : text;
    pending.setLength(0);
    pendingLines = 0;
    List<String> fields = split(full);
    if (fields == null || fields.equals(header)) {
      return null;
    }
    if (fields.size() > header.size()) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "CSV row has " + fields.size()
          + " fields but the header names " + header.size() + "; row skipped");
    }
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < fields.size(); i++) {
      b.put(header.get(i), fields.get(i));
    }
    return b.build();
  }

  /** Whether the row is inside a quoted field at the end of the last line scanned. */
  private boolean inQuotes;

  /**
   * Scans one line from the state the previous line left ({@code continuing}) and returns whether a
   * quoted field is still open at its end (the newline then belongs to the field).
   */
  private boolean scanOpensQuote(String text, boolean continuing) {
    boolean quoted = continuing && inQuotes;
    boolean fieldStart = !continuing;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else {
        fieldStart = c == ',';
      }
    }
    inQuotes = quoted;
    return quoted;
  }

  /** Whether a row is still open at the end of the file (its quoted field never closed). */
  boolean unterminated() {
    return pending.length() > 0;
  }

  /** The fields of one complete row, or null when a quoted field is still open at the end of the text. */
  static @Nullable List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return null; // quoted field continues past this text
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        // text after a closing quote up to the next comma is kept as written (lenient)
        while (i < n && text.charAt(i) != ',') {
          field.append(text.charAt(i++));
        }
      } else {
        while (i < n && text.charAt(i) != ',') {
          field.append(text.charAt(i++));
        }
      }
      out.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return out;
      }
      i++; // the comma
      if (i == n) {
        out.add("");
        return out;
      }
    }
  }
}
