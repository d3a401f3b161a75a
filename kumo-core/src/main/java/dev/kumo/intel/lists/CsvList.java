package dev.kumo.intel.lists;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Indicators;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A CSV indicator list: a header line naming a {@code value} (or {@code indicator}) column and
 * optionally {@code type}, {@code confidence} (0–100), {@code valid_from}, {@code valid_until} (ISO
 * time or date, UTC), {@code description}, {@code tags} and {@code context} (both separated by
 * {@code ;}); RFC 4180 quoting. A row's type comes from its {@code type} column, else the list's
 * type, else detection. Other columns are named in one problem; a bad row is a problem with its line.
 */
final class CsvList {
  private static final List<String> KNOWN = List.of("value", "indicator", "type", "confidence", "valid_from",
      "valid_until", "description", "tags", "context");

  private CsvList() {}

  /** Whether a line is a CSV header this reader understands. */
  static boolean isHeader(String line) {
    if (line.indexOf(',') < 0) {
      return false;
    }
    try {
      List<String> cols = names(CsvRecords.read(List.of(line), 0).fields());
      return cols.contains("value") || cols.contains("indicator");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> names(List<String> fields) {
    return fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_')).toList();
  }

  static IntelLoad read(List<String> lines, String file, String feed, @Nullable IndicatorType listType) {
    List<Indicator> indicators = new ArrayList<>();
    List<IntelProblem> problems = new ArrayList<>();
    String listContext = "list: " + ListReader.stem(file);
    int i = 0;
    while (lines.get(i).isBlank() || lines.get(i).strip().startsWith("#")) {
      i++;
    }
    CsvRecords.Record header = CsvRecords.read(lines, i);
    List<String> cols = names(header.fields());
    List<String> unknown = cols.stream().filter(c -> !KNOWN.contains(c)).toList();
    if (!unknown.isEmpty()) {
      problems.add(new IntelProblem(file, "line " + (i + 1), "columns not used: " + String.join(", ", unknown)));
    }
    int valueCol = cols.contains("value") ? cols.indexOf("value") : cols.indexOf("indicator");
    i = header.next();
    while (i < lines.size()) {
      String t = lines.get(i).strip();
      int lineNo = i + 1;
      if (t.isEmpty() || t.startsWith("#")) {
        i++;
        continue;
      }
      CsvRecords.Record rec;
      try {
        rec = CsvRecords.read(lines, i);
      } catch (IllegalArgumentException e) {
        problems.add(new IntelProblem(file, "line " + lineNo, e.getMessage()));
        i++;
        continue;
      }
      i = rec.next();
      List<String> f = rec.fields();
      if (f.size() != cols.size()) {
        problems.add(new IntelProblem(file, "line " + lineNo,
            "expected " + cols.size() + " fields, found " + f.size()));
        continue;
      }
      try {
        indicators.add(row(f, cols, valueCol, feed, listType, listContext));
      } catch (IllegalArgumentException e) {
        problems.add(new IntelProblem(file, "line " + lineNo, e.getMessage()));
      }
    }
    return new IntelLoad(indicators, problems, List.of(), List.of());
  }

  private static Indicator row(List<String> f, List<String> cols, int valueCol, String feed,
      @Nullable IndicatorType listType, String listContext) {
    String value = f.get(valueCol);
    String typeText = field(f, cols, "type");
    IndicatorType type = listType;
    if (typeText != null) {
      IndicatorType rowType = IndicatorType.fromId(typeText);
      if (rowType == null) {
        throw new IllegalArgumentException("unknown type '" + typeText + "'");
      }
      if (listType != null && rowType != listType) {
        throw new IllegalArgumentException("type " + rowType.id() + " but the list is of type " + listType.id());
      }
      type = rowType;
    }
    if (type == null) {
      type = Indicators.detect(value);
      if (type == null) {
        throw new IllegalArgumentException("cannot tell the type of '" + value + "'");
      }
    }
    String mismatch = ListValues.mismatch(type, value);
    if (mismatch != null) {
      throw new IllegalArgumentException(mismatch);
    }
    String canonical = Indicators.canonical(type, value);
    Integer confidence = null;
    String c = field(f, cols, "confidence");
    if (c != null) {
      try {
        confidence = Integer.parseInt(c);
      } catch (NumberFormatException e) {
        confidence = -1;
      }
      if (confidence < 0 || confidence > 100) {
        throw new IllegalArgumentException("confidence '" + c + "' is not a number from 0 to 100");
      }
    }
    List<String> context = new ArrayList<>();
    context.add(listContext);
    context.addAll(split(field(f, cols, "context")));
    return new Indicator(type, canonical, feed, null, confidence, time(field(f, cols, "valid_from"), "valid_from"),
        time(field(f, cols, "valid_until"), "valid_until"), split(field(f, cols, "tags")), List.of(), context,
        field(f, cols, "description"));
  }

  private static @Nullable String field(List<String> f, List<String> cols, String name) {
    int i = cols.indexOf(name);
    if (i < 0) {
      return null;
    }
    String v = f.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  private static List<String> split(@Nullable String v) {
    return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static @Nullable Instant time(@Nullable String v, String column) {
    if (v == null) {
      return null;
    }
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not an ISO date or time");
    }
  }
}
