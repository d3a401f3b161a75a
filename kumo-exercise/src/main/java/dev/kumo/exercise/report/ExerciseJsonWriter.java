package dev.kumo.exercise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.Label;
import dev.kumo.exercise.drill.LabelProblem;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.drill.Step;
import dev.kumo.exercise.drill.StepResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes a scored drill as {@code exercise.json}, schema {@value #SCHEMA}: run, seed, scenarios, every labelled
 * step with technique and tactic, detected or missed with the reason, rules that fired (with author), time to
 * detect, false positives and a score summary. The same result always gives the same bytes: fields in a fixed
 * order, steps in result order, maps sorted by key. {@link ExerciseJsonReader} reads it back to an equal result.
 *
 * <p>Strings are written as JSON strings (escaped by Jackson); consumers escape them for their own medium.
 */
public final class ExerciseJsonWriter {
  /** The schema name and version every document carries in {@code schema}. */
  public static final String SCHEMA = "kumo.exercise/1";
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Writes {@code r} (and the seed of a simulated run, or null); {@code out} is flushed and left open. */
  public void write(ExerciseResult r, @Nullable Long seed, Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeStringField("generated_at", r.generatedAt().toString());
    if (seed == null) {
      g.writeNullField("seed");
    } else {
      g.writeNumberField("seed", seed);
    }
    g.writeStringField("logs", r.logs());
    g.writeStringField("labels_file", r.labelsFile());
    g.writeStringField("min_level", r.minLevel().id());
    summary(g, r);
    input(g, r);
    g.writeArrayFieldStart("scenarios");
    for (Scenario sc : r.scenarios()) {
      g.writeStartObject();
      g.writeStringField("id", sc.id());
      text(g, "title", sc.title());
      g.writeArrayFieldStart("steps");
      for (Step s : sc.steps()) {
        g.writeString(s.id());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("steps");
    for (StepResult s : r.steps()) {
      step(g, s);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("false_positives_by_rule");
    for (RuleTally t : r.falsePositivesByRule()) {
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("title", t.title());
      g.writeStringField("level", t.level().id());
      g.writeNumberField("findings", t.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
  }

  private static void summary(JsonGenerator g, ExerciseResult r) throws IOException {
    long claimedDetected = r.claimed().stream().filter(StepResult::detected).count();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("steps", r.steps().size());
    g.writeNumberField("detected", r.detected());
    g.writeNumberField("missed", r.missed().size());
    g.writeNumberField("detection_percent", round(r.detectionPercent()));
    g.writeNumberField("claimed", r.claimed().size());
    g.writeNumberField("claimed_detected", claimedDetected);
    g.writeNumberField("claimed_coverage_percent", round(r.claimedCoveragePercent()));
    g.writeNumberField("findings", r.findings());
    g.writeNumberField("findings_muted", r.findingsMuted());
    g.writeNumberField("false_positives", r.falsePositives());
    g.writeStringField("headline", ReportText.headline(r));
    g.writeEndObject();
  }

  private static void input(JsonGenerator g, ExerciseResult r) throws IOException {
    g.writeObjectFieldStart("input");
    g.writeNumberField("files", r.files());
    g.writeNumberField("events", r.events());
    g.writeObjectFieldStart("events_by_source");
    for (Map.Entry<String, Long> e : new TreeMap<>(r.eventsBySource()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("ingest_problems", r.ingestProblems());
    g.writeNumberField("labels", r.labels());
    g.writeNumberField("labels_skipped", r.labelsSkipped());
    g.writeNumberField("unresolved_labels", r.unresolvedLabels());
    g.writeArrayFieldStart("label_problems");
    for (LabelProblem p : r.labelProblems()) {
      g.writeStartObject();
      g.writeStringField("file", p.file());
      g.writeNumberField("line", p.line());
      g.writeStringField("reason", p.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("rules_loaded", r.rulesLoaded());
    g.writeNumberField("detectors", r.detectors());
    g.writeEndObject();
  }

  private static void step(JsonGenerator g, StepResult s) throws IOException {
    Step st = s.step();
    g.writeStartObject();
    g.writeStringField("scenario", st.scenario());
    text(g, "scenario_title", st.scenarioTitle());
    g.writeStringField("step", st.id());
    text(g, "title", st.title());
    g.writeStringField("technique", st.technique());
    text(g, "tactic", st.tactic());
    g.writeStringField("source", st.source());
    text(g, "threat", st.threat());
    g.writeStringField("first_time", st.firstTime().toString());
    g.writeNumberField("labels", st.labels());
    g.writeArrayFieldStart("event_ids");
    for (String id : st.eventIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("locations");
    for (Label.Location l : st.locations()) {
      g.writeStartObject();
      g.writeStringField("file", l.file());
      g.writeNumberField("line", l.line());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("detected", s.detected());
    text(g, "reason", s.reason() == null ? null : s.reason().name().toLowerCase(Locale.ROOT));
    text(g, "reason_text", s.reason() == null ? null : s.reason().label());
    g.writeStringField("reason_detail", s.reasonDetail());
    Duration ttd = s.timeToDetect();
    text(g, "time_to_detect", ttd == null ? null : ttd.toString());
    if (ttd == null) {
      g.writeNullField("time_to_detect_seconds");
    } else {
      g.writeNumberField("time_to_detect_seconds", ttd.getSeconds());
    }
    text(g, "time_note", s.timeNote());
    g.writeBooleanField("claimed", s.claimed());
    g.writeArrayFieldStart("coverage");
    for (String c : s.coverage()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeNumberField("events_found", s.eventsFound());
    g.writeArrayFieldStart("rules");
    for (FiredRule f : s.rules()) {
      g.writeStartObject();
      g.writeStringField("id", f.id());
      g.writeStringField("title", f.title());
      g.writeStringField("level", f.level().id());
      text(g, "author", f.author());
      g.writeNumberField("findings", f.findings());
      g.writeBooleanField("carries_technique", f.carriesTechnique());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  /** Percent to one decimal, so the summary's bytes do not depend on floating-point noise. */
  private static double round(double p) {
    return Math.round(p * 10) / 10.0;
  }
}
