package dev.kumo.exercise.drill;

import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code kumo.labels/1} file (JSON Lines, UTF-8, one object per labelled event). Unknown
 * fields are ignored; a line that is not valid is skipped, counted and reported with its file, line
 * and reason. Blank lines are ignored.
 */
public final class LabelReader {
  /** Skipped lines kept with their reason (all are counted). */
  public static final int MAX_PROBLEMS = 1000;
  /** Longest label line accepted. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

  private final JsonTreeReader json = JsonTreeReader.lenient();

  /** Reads a labels file. */
  public LabelSet read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  /** Reads labels from {@code in}; {@code name} is used in problem reports. */
  public LabelSet read(Reader in, String name) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Label> labels = new ArrayList<>();
    List<LabelProblem> problems = new ArrayList<>();
    long skipped = 0;
    long n = 0;
    String line;
    while ((line = r.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      String error;
      Label label = null;
      try {
        if (line.length() > MAX_LINE_CHARS) {
          throw new IllegalArgumentException("line longer than " + MAX_LINE_CHARS + " characters");
        }
        label = parse(line, n);
        error = null;
      } catch (IllegalArgumentException | JsonTreeReader.JsonFormatException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (label != null) {
        labels.add(label);
      } else {
        skipped++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new LabelProblem(name, n, error));
        }
      }
    }
    return new LabelSet(name, labels, problems, skipped);
  }

  private Label parse(String line, long n) {
    Object value;
    try {
      value = json.read(line);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
    if (!(value instanceof JsonObject o)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String schema = optText(o, "schema");
    if (schema != null && !Label.SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema is '" + clip(schema) + "', expected '" + Label.SCHEMA + "'");
    }
    String eventId = optText(o, "event_id");
    String file = optText(o, "file");
    long lineNo = optLine(o);
    if (file != null) {
      file = file.replace('\\', '/');
      while (file.startsWith("./")) {
        file = file.substring(2);
      }
    }
    if (eventId == null && (file == null || lineNo <= 0)) {
      throw new IllegalArgumentException("needs an event_id, or a file and a line");
    }
    String source = text(o, "source");
    Instant time = time(text(o, "time"));
    String scenario = text(o, "scenario");
    String step = text(o, "step");
    String technique = text(o, "technique").toUpperCase(java.util.Locale.ROOT);
    if (!TECHNIQUE.matcher(technique).matches()) {
      throw new IllegalArgumentException("technique '" + clip(technique) + "' is not an ATT&CK id (T1234 or T1234.001)");
    }
    return new Label(eventId, file, lineNo, source, time, scenario, optText(o, "scenario_title"), step,
        optText(o, "step_title"), technique, optText(o, "tactic"), optText(o, "threat"), n);
  }

  private static String text(JsonObject o, String key) {
    String v = optText(o, key);
    if (v == null) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return v;
  }

  private static @Nullable String optText(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null || v == JsonNull.INSTANCE) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' must be a string");
    }
    return s.isBlank() ? null : s.trim();
  }

  private static long optLine(JsonObject o) {
    Object v = o.get("line");
    if (v == null || v == JsonNull.INSTANCE) {
      return 0;
    }
    if (v instanceof Number num) {
      BigDecimal d = new BigDecimal(num.toString());
      try {
        long l = d.longValueExact();
        if (l >= 1) {
          return l;
        }
      } catch (ArithmeticException e) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException("'line' must be a whole number from 1");
  }

  private static Instant time(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("'time' is not an ISO-8601 instant: '" + clip(text) + "'");
      }
    }
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
