package dev.kumo.ingest.csv;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one CSV file with a header row, each parsed into an object of its non-empty fields
 * keyed by column name (values stay text). Fields follow RFC 4180: optionally quoted, with commas,
 * and doubled quotes inside quotes. A quoted field that spans lines is reported as malformed, and
 * so are the lines that continue it; a row with more or fewer fields than the header, or with text
 * after a closing quote, is reported too. Blank lines and repeats of the header line are skipped.
 *
 * <p>One instance per file (it remembers whether a quoted field is open); not thread-safe. Parsing
 * allocates only the field values and the resulting object.
 */
public final class CsvTable implements TextLogSource.LineParser {
  private static final int MAX_REASON_COLUMN = 60;

  private final String headerLine;
  private final String[] columns;
  private final Object[] scratch;
  private boolean insideQuotedField;

  private CsvTable(String headerLine, String[] columns) {
    this.headerLine = headerLine;
    this.columns = columns;
    this.scratch = new Object[columns.length * 2];
  }

  /**
   * A parser for the rows under {@code headerLine}, or empty when the header is not a CSV header
   * (a quote left open, or no named column). Column names are trimmed; a leading byte-order mark
   * is dropped; unnamed columns are read but not kept.
   */
  public static java.util.Optional<CsvTable> forHeader(String headerLine) {
    String line = stripBom(stripCr(headerLine));
    List<String> names = new ArrayList<>();
    try {
      split(line, names);
    } catch (InvalidRecordException e) {
      return java.util.Optional.empty();
    }
    String[] columns = new String[names.size()];
    boolean any = false;
    for (int i = 0; i < columns.length; i++) {
      String n = names.get(i).trim();
      columns[i] = n.isEmpty() ? null : n.intern();
      any |= columns[i] != null;
    }
    return any ? java.util.Optional.of(new CsvTable(line, columns)) : java.util.Optional.empty();
  }

  /** The fields of a header line (trimmed), or null when it is not one: for sniffing. */
  public static @Nullable List<String> headerFields(String headerLine) {
    List<String> names = new ArrayList<>();
    try {
      split(stripBom(stripCr(headerLine)), names);
    } catch (InvalidRecordException e) {
      return null;
    }
    names.replaceAll(String::trim);
    return names;
  }

  /** The column names, in file order (null for unnamed columns). */
  public List<@Nullable String> columns() {
    return Arrays.asList(columns.clone());
  }

  @Override
  public @Nullable JsonObject parse(String rawLine) {
    String line = stripBom(stripCr(rawLine));
    if (insideQuotedField) {
      insideQuotedField = endsInsideQuotes(line, true);
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "line continues a quoted field from an earlier line (fields that span lines are not supported); skipped");
    }
    if (line.isBlank() || line.equals(headerLine)) {
      return null;
    }
    int n = line.length();
    int i = 0;
    int col = 0;
    int kv = 0;
    while (true) {
      if (col >= columns.length) {
        throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
            "row has more fields than the header's " + columns.length + "; skipped");
      }
      String value;
      if (i < n && line.charAt(i) == '"') {
        int start = ++i;
        StringBuilder unescaped = null;
        while (true) {
          int q = line.indexOf('"', i);
          if (q < 0) {
            insideQuotedField = true;
            throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "quoted field in column "
                + columnName(col) + " is not closed on its line (fields that span lines are not supported); skipped");
          }
          if (q + 1 < n && line.charAt(q + 1) == '"') {
            if (unescaped == null) {
              unescaped = new StringBuilder(q - start + 16);
            }
            unescaped.append(line, i, q + 1);
            i = q + 2;
            continue;
          }
          if (unescaped == null) {
            value = line.substring(start, q);
          } else {
            value = unescaped.append(line, i, q).toString();
          }
          i = q + 1;
          break;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
              "text after the closing quote of column " + columnName(col) + "; skipped");
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        value = end > i ? line.substring(i, end) : null;
        i = end;
      }
      String name = columns[col];
      if (name != null && value != null && !value.isEmpty()) {
        scratch[kv++] = name;
        scratch[kv++] = value;
      }
      col++;
      if (i >= n) {
        break;
      }
      i++; // the comma
      if (i == n) {
        col++; // a trailing comma ends with an empty field
        break;
      }
    }
    if (col != columns.length) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "row has " + col + " field" + (col == 1 ? "" : "s") + ", the header has " + columns.length + "; skipped");
    }
    Object[] kvs = Arrays.copyOf(scratch, kv);
    Arrays.fill(scratch, 0, kv, null);
    return JsonObject.of(kvs);
  }

  private String columnName(int col) {
    String name = col < columns.length ? columns[col] : null;
    String shown = name == null ? "#" + (col + 1) : name;
    return shown.length() > MAX_REASON_COLUMN ? shown.substring(0, MAX_REASON_COLUMN) + "..." : shown;
  }

  /** Splits a line into its fields without a header (for header lines). */
  static void split(String line, List<String> out) {
    int n = line.length();
    int i = 0;
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          int q = line.indexOf('"', i);
          if (q < 0) {
            throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "quote not closed");
          }
          sb.append(line, i, q);
          if (q + 1 < n && line.charAt(q + 1) == '"') {
            sb.append('"');
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "text after a closing quote");
        }
        out.add(sb.toString());
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        out.add(line.substring(i, end));
        i = end;
      }
      if (i >= n) {
        return;
      }
      i++;
      if (i == n) {
        out.add("");
        return;
      }
    }
  }

  /** Whether a quoted field is still open at the end of {@code line}, scanning from the given state. */
  static boolean endsInsideQuotes(String line, boolean inside) {
    int n = line.length();
    for (int i = 0; i < n; i++) {
      if (line.charAt(i) != '"') {
        continue;
      }
      if (inside && i + 1 < n && line.charAt(i + 1) == '"') {
        i++;
      } else {
        inside = !inside;
      }
    }
    return inside;
  }

  private static String stripCr(String line) {
    return !line.isEmpty() && line.charAt(line.length() - 1) == '\r' ? line.substring(0, line.length() - 1) : line;
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }
}
