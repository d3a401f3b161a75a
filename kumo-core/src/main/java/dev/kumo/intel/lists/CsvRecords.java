package dev.kumo.intel.lists;

import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV text into records: quoted fields may hold commas, {@code ""} and line breaks. */
final class CsvRecords {
  /** One record: its fields, and the index of the line after it. */
  record Record(List<String> fields, int next) {}

  private CsvRecords() {}

  /**
   * The record starting at {@code lines[start]}.
   *
   * @throws IllegalArgumentException when a quote is never closed, or text follows a closing quote
   */
  static Record read(List<String> lines, int start) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = start;
    String line = lines.get(i);
    int pos = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (pos >= line.length()) {
        if (!quoted) {
          fields.add(wasQuoted ? field.toString() : field.toString().strip());
          return new Record(fields, i + 1);
        }
        i++;
        if (i >= lines.size()) {
          throw new IllegalArgumentException("a quoted field is never closed");
        }
        field.append('\n');
        line = lines.get(i);
        pos = 0;
        continue;
      }
      char c = line.charAt(pos++);
      if (quoted) {
        if (c == '"') {
          if (pos < line.length() && line.charAt(pos) == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new IllegalArgumentException("text after a closing quote");
      } else if (!wasQuoted) {
        field.append(c);
      }
    }
  }
}
