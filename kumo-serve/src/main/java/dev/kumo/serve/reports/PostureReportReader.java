package dev.kumo.serve.reports;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.PostureResult;
import dev.kumo.posture.check.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code kumo posture --format json} file (JSON Lines, schema {@value PostureResult#SCHEMA}). A line that is
 * not a well-formed result is reported as {@code file:line: reason} and skipped; a line of another schema, or a file
 * over the size limit, rejects the whole file ({@link ReportFormatException}). Invalid UTF-8 is replaced, not fatal.
 * Stateless and thread-safe.
 */
public final class PostureReportReader implements ReportFile.Parser<PostureReport> {
  /** Longest line accepted, in characters. */
  public static final int MAX_LINE_CHARS = 1 << 20;
  private static final JsonTreeReader JSON = new JsonTreeReader(16, MAX_LINE_CHARS);
  private final long maxBytes;

  /** @param maxBytes largest file accepted */
  public PostureReportReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public PostureReport read(Path file) throws IOException, ReportFormatException {
    if (Files.size(file) > maxBytes) {
      throw new ReportFormatException(file + ": larger than " + maxBytes + " bytes");
    }
    List<PostureEntry> results = new ArrayList<>();
    ProblemList problems = new ProblemList();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String where = file + ":" + line + ": ";
        if (text.length() > MAX_LINE_CHARS) {
          problems.add(where + "line longer than " + MAX_LINE_CHARS + " characters");
          continue;
        }
        JsonObject o;
        try {
          if (!(JSON.read(text) instanceof JsonObject obj)) {
            problems.add(where + "not a JSON object");
            continue;
          }
          o = obj;
        } catch (JsonTreeReader.JsonFormatException e) {
          problems.add(where + "malformed JSON: " + e.getMessage());
          continue;
        }
        Object schema = o.get("schema");
        if (!PostureResult.SCHEMA.equals(schema)) {
          throw new ReportFormatException(where + (schema == null ? "no 'schema'" : "schema '" + schema + "'")
              + ", expected '" + PostureResult.SCHEMA + "' (the output of kumo posture --format json)");
        }
        try {
          results.add(entry(line, o));
        } catch (IllegalArgumentException e) {
          problems.add(where + e.getMessage());
        }
      }
    }
    return new PostureReport(results, problems.list());
  }

  private static PostureEntry entry(int line, JsonObject o) {
    List<TelemetryView> telemetry = new ArrayList<>();
    for (Object t : Fields.array(o, "telemetry")) {
      if (!(t instanceof JsonObject v)) {
        throw new IllegalArgumentException("'telemetry' must hold objects");
      }
      telemetry.add(new TelemetryView(Fields.textOr(v, "telemetry"), Fields.textOr(v, "state"),
          Fields.optional(v, "kumo_source"), Fields.strings(v, "rules")));
    }
    String command = Fields.optional(o, "command");
    return new PostureEntry(line, Fields.text(o, "check"), Fields.textOr(o, "title"), status(Fields.text(o, "status")),
        Fields.level(o, "severity"), Fields.textOr(o, "detail"), Fields.textOr(o, "source"),
        Fields.resource(o, "resource"), Fields.textOr(o, "threat"), Fields.strings(o, "attack"),
        Fields.strings(o, "benchmarks"), Fields.textOr(o, "risk"), Fields.textOr(o, "remediation"),
        command == null || command.isEmpty() ? null : command, Fields.count(o, "rank"),
        Fields.visibility(o, "visibility", false), telemetry);
  }

  private static Status status(String v) {
    for (Status s : Status.values()) {
      if (s.id().equals(v.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + v + "' (pass, fail, unknown, muted)");
  }
}
