package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.Label;
import dev.kumo.exercise.drill.LabelProblem;
import dev.kumo.exercise.drill.MissReason;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.drill.Step;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code exercise.json} written by {@link ExerciseJsonWriter}. The document must name schema
 * {@value ExerciseJsonWriter#SCHEMA}; fields are checked by type, and a problem is reported as
 * {@code file: path: reason} (e.g. {@code aar/exercise.json: steps[2].detected: must be true or false}), or with
 * the line for malformed JSON. The {@code summary} is derived and not read back. Stateless and thread-safe.
 */
public final class ExerciseJsonReader {
  /** Largest file read. */
  public static final long MAX_BYTES = 64L << 20;
  private static final JsonTreeReader JSON = new JsonTreeReader(32, 4 << 20);

  /** Reads a file. */
  public ExerciseDocument read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new ExerciseJsonException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads a document from text; {@code file} names it in errors.
   *
   * @throws ExerciseJsonException when the text is not JSON, names another schema, or a field is missing or wrong
   */
  public ExerciseDocument read(String text, String file) throws ExerciseJsonException {
    Object root;
    try {
      root = JSON.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new ExerciseJsonException(file + ": not JSON: " + e.getMessage());
    }
    if (!(root instanceof JsonObject o)) {
      throw new ExerciseJsonException(file + ": not a " + ExerciseJsonWriter.SCHEMA + " document (not a JSON object)");
    }
    Object schema = o.get("schema");
    if (!ExerciseJsonWriter.SCHEMA.equals(schema)) {
      throw new ExerciseJsonException(file + ": not a " + ExerciseJsonWriter.SCHEMA + " document (schema: "
          + (schema instanceof String s ? "'" + s + "'" : "missing") + ")");
    }
    return new Fields(file).document(o);
  }

  /** Field access with the file and JSON path in every error. */
  private record Fields(String file) {
    ExerciseDocument document(JsonObject o) throws ExerciseJsonException {
      JsonObject in = object(o, "", "input");
      Map<String, Long> bySource = new LinkedHashMap<>();
      JsonObject bs = object(in, "input", "events_by_source");
      for (int i = 0; i < bs.size(); i++) {
        bySource.put(bs.keyAt(i), number(bs, "input.events_by_source", bs.keyAt(i)));
      }
      List<LabelProblem> problems = new ArrayList<>();
      JsonArray lp = array(in, "input", "label_problems");
      for (int i = 0; i < lp.size(); i++) {
        String p = "input.label_problems[" + i + "]";
        JsonObject m = item(lp, i, p);
        problems.add(new LabelProblem(string(m, p, "file"), number(m, p, "line"), string(m, p, "reason")));
      }
      List<StepResult> steps = new ArrayList<>();
      JsonArray sa = array(o, "", "steps");
      for (int i = 0; i < sa.size(); i++) {
        steps.add(step(item(sa, i, "steps[" + i + "]"), "steps[" + i + "]"));
      }
      List<Scenario> scenarios = new ArrayList<>();
      JsonArray sc = array(o, "", "scenarios");
      for (int i = 0; i < sc.size(); i++) {
        String p = "scenarios[" + i + "]";
        JsonObject m = item(sc, i, p);
        String id = string(m, p, "id");
        List<Step> own = new ArrayList<>();
        JsonArray ids = array(m, p, "steps");
        for (int j = 0; j < ids.size(); j++) {
          if (!(ids.get(j) instanceof String stepId)) {
            throw fail(p + ".steps[" + j + "]", "must be a step id");
          }
          own.add(steps.stream().map(StepResult::step).filter(s -> s.scenario().equals(id) && s.id().equals(stepId))
              .findFirst().orElseThrow(() -> fail(p + ".steps", "step '" + stepId + "' is not in 'steps'")));
        }
        scenarios.add(new Scenario(id, optString(m, p, "title"), own));
      }
      List<RuleTally> fps = new ArrayList<>();
      JsonArray fa = array(o, "", "false_positives_by_rule");
      for (int i = 0; i < fa.size(); i++) {
        String p = "false_positives_by_rule[" + i + "]";
        JsonObject m = item(fa, i, p);
        fps.add(new RuleTally(string(m, p, "id"), string(m, p, "title"), level(m, p, "level"),
            number(m, p, "findings")));
      }
      JsonObject summary = object(o, "", "summary");
      Long seed = o.get("seed") instanceof JsonNull || o.get("seed") == null ? null : number(o, "", "seed");
      ExerciseResult r = new ExerciseResult(string(o, "", "logs"), string(o, "", "labels_file"),
          instant(o, "", "generated_at"), scenarios, steps, problems, number(in, "input", "labels_skipped"),
          (int) number(in, "input", "labels"), (int) number(in, "input", "unresolved_labels"),
          number(in, "input", "files"), number(in, "input", "events"), bySource,
          number(in, "input", "ingest_problems"), (int) number(in, "input", "rules_loaded"),
          (int) number(in, "input", "detectors"), number(summary, "summary", "findings"),
          number(summary, "summary", "findings_muted"), number(summary, "summary", "false_positives"), fps,
          level(o, "", "min_level"));
      return new ExerciseDocument(r, seed);
    }

    private StepResult step(JsonObject m, String p) throws ExerciseJsonException {
      List<String> eventIds = strings(m, p, "event_ids");
      List<Label.Location> locations = new ArrayList<>();
      JsonArray la = array(m, p, "locations");
      for (int i = 0; i < la.size(); i++) {
        String q = p + ".locations[" + i + "]";
        JsonObject l = item(la, i, q);
        locations.add(new Label.Location(string(l, q, "file"), number(l, q, "line")));
      }
      Step step = new Step(string(m, p, "scenario"), optString(m, p, "scenario_title"), string(m, p, "step"),
          optString(m, p, "title"), string(m, p, "technique"), optString(m, p, "tactic"), string(m, p, "source"),
          optString(m, p, "threat"), eventIds, locations, instant(m, p, "first_time"), (int) number(m, p, "labels"));
      List<FiredRule> rules = new ArrayList<>();
      JsonArray ra = array(m, p, "rules");
      for (int i = 0; i < ra.size(); i++) {
        String q = p + ".rules[" + i + "]";
        JsonObject f = item(ra, i, q);
        rules.add(new FiredRule(string(f, q, "id"), string(f, q, "title"), level(f, q, "level"),
            optString(f, q, "author"), number(f, q, "findings"), bool(f, q, "carries_technique")));
      }
      boolean detected = bool(m, p, "detected");
      String reasonText = optString(m, p, "reason");
      MissReason reason = null;
      if (reasonText != null) {
        try {
          reason = MissReason.valueOf(reasonText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw fail(p + ".reason", "unknown miss reason '" + reasonText + "'");
        }
      }
      if (!detected && reason == null) {
        throw fail(p + ".reason", "a missed step needs a reason");
      }
      String ttdText = optString(m, p, "time_to_detect");
      Duration ttd = null;
      if (ttdText != null) {
        try {
          ttd = Duration.parse(ttdText);
        } catch (DateTimeParseException e) {
          throw fail(p + ".time_to_detect", "'" + ttdText + "' is not an ISO-8601 duration like PT5M3S");
        }
      }
      return new StepResult(step, detected, rules, ttd, optString(m, p, "time_note"), reason,
          string(m, p, "reason_detail"), bool(m, p, "claimed"), strings(m, p, "coverage"),
          number(m, p, "events_found"));
    }

    ExerciseJsonException fail(String path, String reason) {
      return new ExerciseJsonException(file + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    }

    private static String at(String p, String key) {
      return p.isEmpty() ? key : p + "." + key;
    }

    private Object required(JsonObject o, String p, String key) throws ExerciseJsonException {
      Object v = o.get(key);
      if (v == null) {
        throw fail(at(p, key), "missing");
      }
      return v;
    }

    String string(JsonObject o, String p, String key) throws ExerciseJsonException {
      if (!(required(o, p, key) instanceof String s)) {
        throw fail(at(p, key), "must be a string");
      }
      return s;
    }

    @Nullable String optString(JsonObject o, String p, String key) throws ExerciseJsonException {
      Object v = o.get(key);
      if (v == null || v instanceof JsonNull) {
        return null;
      }
      if (!(v instanceof String s)) {
        throw fail(at(p, key), "must be a string or null");
      }
      return s;
    }

    long number(JsonObject o, String p, String key) throws ExerciseJsonException {
      if (!(required(o, p, key) instanceof Long n)) {
        throw fail(at(p, key), "must be a whole number");
      }
      return n;
    }

    boolean bool(JsonObject o, String p, String key) throws ExerciseJsonException {
      if (!(required(o, p, key) instanceof Boolean b)) {
        throw fail(at(p, key), "must be true or false");
      }
      return b;
    }

    Instant instant(JsonObject o, String p, String key) throws ExerciseJsonException {
      String s = string(o, p, key);
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw fail(at(p, key), "'" + s + "' is not a UTC timestamp like 2026-03-01T10:00:00Z");
      }
    }

    Level level(JsonObject o, String p, String key) throws ExerciseJsonException {
      String s = string(o, p, key);
      Level l = Level.parse(s);
      if (l == null) {
        throw fail(at(p, key), "'" + s + "' is not a level (informational, low, medium, high, critical)");
      }
      return l;
    }

    JsonObject object(JsonObject o, String p, String key) throws ExerciseJsonException {
      if (!(required(o, p, key) instanceof JsonObject m)) {
        throw fail(at(p, key), "must be an object");
      }
      return m;
    }

    JsonArray array(JsonObject o, String p, String key) throws ExerciseJsonException {
      if (!(required(o, p, key) instanceof JsonArray a)) {
        throw fail(at(p, key), "must be a list");
      }
      return a;
    }

    JsonObject item(JsonArray a, int i, String p) throws ExerciseJsonException {
      if (!(a.get(i) instanceof JsonObject m)) {
        throw fail(p, "must be an object");
      }
      return m;
    }

    List<String> strings(JsonObject o, String p, String key) throws ExerciseJsonException {
      JsonArray a = array(o, p, key);
      List<String> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof String s)) {
          throw fail(at(p, key) + "[" + i + "]", "must be a string");
        }
        out.add(s);
      }
      return out;
    }
  }
}
