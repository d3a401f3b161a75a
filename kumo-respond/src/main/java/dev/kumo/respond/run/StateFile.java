package dev.kumo.respond.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The state file of a plan's run, {@code DIR/respond/<plan id>.state.json} ({@value #FORMAT}): each step's status,
 * times, calls with request ids and resources. Written atomically (a temporary file moved into place), so a
 * crash leaves the previous state or the new one, never half of one.
 */
public final class StateFile {
  /** The format tag in the file. */
  public static final String FORMAT = "kumo.run-state/1";
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private StateFile() {}

  /** Where the state of {@code planId} is kept under {@code dir}. */
  public static Path path(Path dir, String planId) {
    if (!SAFE_ID.matcher(planId).matches() || planId.startsWith(".")) {
      throw new IllegalArgumentException("plan id cannot name a file: " + planId);
    }
    return dir.resolve("respond").resolve(planId + ".state.json");
  }

  /** The state of {@code planId} under {@code dir}; empty when there is none yet. */
  public static RunState read(Path dir, String planId) throws IOException {
    Path file = path(dir, planId);
    if (!Files.exists(file)) {
      return RunState.empty(planId);
    }
    try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
      return parse(p, planId, file);
    }
  }

  /** Writes {@code state} under {@code dir}, atomically. */
  public static void write(Path dir, RunState state) throws IOException {
    Path file = path(dir, state.planId());
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".state", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeStringField("plan", state.planId());
        g.writeArrayFieldStart("steps");
        for (StepRecord s : state.steps()) {
          g.writeStartObject();
          g.writeNumberField("index", s.index());
          g.writeStringField("id", s.id());
          g.writeStringField("status", s.status().id());
          if (s.started() != null) {
            g.writeStringField("started", s.started().toString());
          }
          if (s.finished() != null) {
            g.writeStringField("finished", s.finished().toString());
          }
          g.writeStringField("message", s.message());
          g.writeArrayFieldStart("calls");
          for (CallSummary c : s.calls()) {
            g.writeStartObject();
            g.writeStringField("service", c.service());
            g.writeStringField("operation", c.operation());
            g.writeStringField("requestId", c.requestId());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeObjectFieldStart("resources");
          for (Map.Entry<String, String> e : s.resources().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static RunState parse(JsonParser p, String planId, Path file) throws IOException {
    expect(p.nextToken() == JsonToken.START_OBJECT, file, "not a JSON object");
    String format = null;
    String plan = null;
    List<StepRecord> steps = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "format" -> format = p.getText();
        case "plan" -> plan = p.getText();
        case "steps" -> {
          expect(p.currentToken() == JsonToken.START_ARRAY, file, "steps is not an array");
          while (p.nextToken() == JsonToken.START_OBJECT) {
            steps.add(step(p, file));
          }
        }
        default -> p.skipChildren();
      }
    }
    expect(FORMAT.equals(format), file, "format is not " + FORMAT);
    expect(planId.equals(plan), file, "it belongs to plan " + plan + ", not " + planId);
    return new RunState(planId, steps);
  }

  private static StepRecord step(JsonParser p, Path file) throws IOException {
    int index = 0;
    String id = null;
    StepStatus status = null;
    Instant started = null;
    Instant finished = null;
    String message = "";
    List<CallSummary> calls = new ArrayList<>();
    Map<String, String> resources = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "index" -> index = p.getIntValue();
        case "id" -> id = p.getText();
        case "status" -> status = StepStatus.byId(p.getText()).orElse(null);
        case "started" -> started = instant(p.getText(), file);
        case "finished" -> finished = instant(p.getText(), file);
        case "message" -> message = p.getText();
        case "calls" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> c = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              c.put(k, p.getText());
            }
            calls.add(new CallSummary(c.getOrDefault("service", ""), c.getOrDefault("operation", ""),
                c.getOrDefault("requestId", "")));
          }
        }
        case "resources" -> {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            resources.put(k, p.getText());
          }
        }
        default -> p.skipChildren();
      }
    }
    expect(id != null && status != null && index > 0, file, "a step lacks its index, id or a known status");
    return new StepRecord(index, id, status, started, finished, calls, resources, message);
  }

  private static Instant instant(String text, Path file) throws IOException {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IOException(file + ": not a time: " + text, e);
    }
  }

  private static void expect(boolean ok, Path file, String what) throws IOException {
    if (!ok) {
      throw new IOException(file + " is not a run state file: " + what);
    }
  }

}
