package dev.kumo.serve.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.exercise.report.ExerciseDocument;
import dev.kumo.exercise.report.ExerciseJsonWriter;
import dev.kumo.serve.exercise.DrillRunner;
import dev.kumo.serve.exercise.DrillState;
import dev.kumo.serve.exercise.ExerciseRuns;
import dev.kumo.serve.exercise.RunSummary;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exercises in the {@code /api/v1} API: the list of runs (and the drill state), one run's result as
 * {@code kumo.exercise/1} JSON, and starting a drill (admin). Described in {@code openapi.json}.
 */
final class ExerciseApi {
  private static final String PATH = ApiRoutes.PREFIX + "/exercises";
  private static final JsonFactory FACTORY = new JsonFactory();
  private final ExerciseRuns runs;
  private final @Nullable DrillRunner drills;

  ExerciseApi(ExerciseRuns runs, @Nullable DrillRunner drills) {
    this.runs = runs;
    this.drills = drills;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, PATH, Role.VIEWER, this::list);
    r.guarded(HandlerType.POST, PATH, Role.ADMIN, this::start);
    r.guarded(HandlerType.GET, PATH + "/{run}", Role.VIEWER, this::run);
  }

  private void list(Context ctx) throws IOException {
    List<RunSummary> list = runs.list();
    DrillState d = drills == null ? null : drills.current().orElse(null);
    ctx.contentType("application/json").result(Json.object(g -> {
      g.writeArrayFieldStart("runs");
      for (RunSummary s : list) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        Json.field(g, "when", s.when());
        Json.strings(g, "scenarios", s.scenarios());
        g.writeNumberField("steps", s.steps());
        g.writeNumberField("detected", s.detected());
        g.writeNumberField("missed", s.missed());
        g.writeNumberField("score_percent", Math.round(s.score() * 10) / 10.0);
        g.writeNumberField("false_positives", s.falsePositives());
        if (s.seed() == null) {
          g.writeNullField("seed");
        } else {
          g.writeNumberField("seed", s.seed());
        }
        Json.field(g, "problem", s.problem());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeFieldName("drill");
      if (d == null) {
        g.writeNull();
      } else {
        drill(g, d);
      }
    }));
  }

  private static void drill(JsonGenerator g, DrillState d) throws IOException {
    g.writeStartObject();
    g.writeStringField("run", d.run());
    g.writeStringField("status", d.status().id());
    Json.strings(g, "scenarios", d.scenarios());
    g.writeNumberField("seed", d.seed());
    g.writeStringField("started_by", d.startedBy());
    Json.field(g, "started", d.started());
    Json.field(g, "finished", d.finished());
    Json.field(g, "error", d.error());
    g.writeEndObject();
  }

  private void run(Context ctx) throws IOException {
    ExerciseDocument doc = ExercisePages.document(runs, ctx.pathParam("run"));
    StringWriter w = new StringWriter();
    new ExerciseJsonWriter().write(doc.result(), doc.seed(), w);
    ctx.contentType("application/json").result(w.toString());
  }

  private void start(Context ctx) throws IOException {
    if (drills == null) {
      throw new WebError(503, "drills cannot be started from this server");
    }
    Request req = request(ctx.body());
    DrillState d;
    try {
      d = drills.start(req.scenarios(), req.seed(), WebServer.caller(ctx).name());
    } catch (DrillRunner.Busy e) {
      throw new WebError(409, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
    ctx.header("Location", PATH + "/" + d.run());
    ctx.status(202).contentType("application/json").result(Json.object(g -> {
      g.writeStringField("run", d.run());
      g.writeStringField("status", d.status().id());
    }));
  }

  private record Request(List<String> scenarios, long seed) {}

  /** {@code {"scenarios": ["id", ...] or "id,id" or "all", "seed": 7}}; anything else is a 400. */
  private static Request request(String body) {
    if (body.length() > Json.MAX_BODY) {
      throw new WebError(413, "body larger than " + Json.MAX_BODY + " bytes");
    }
    List<String> scenarios = new ArrayList<>();
    long seed = 1;
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new WebError(400, "the body must be a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("scenarios") && v == JsonToken.VALUE_STRING) {
          scenarios.addAll(List.of(p.getText().split(",")));
        } else if (name.equals("scenarios") && v == JsonToken.START_ARRAY) {
          while ((v = p.nextToken()) == JsonToken.VALUE_STRING) {
            scenarios.add(p.getText());
          }
          if (v != JsonToken.END_ARRAY) {
            throw new WebError(400, "'scenarios' must be a list of scenario ids");
          }
        } else if (name.equals("seed") && v == JsonToken.VALUE_NUMBER_INT) {
          seed = p.getLongValue();
        } else if (name.equals("seed") && v == JsonToken.VALUE_STRING) {
          seed = ExercisePages.seed(p.getText());
        } else {
          throw new WebError(400, "unexpected field '" + name + "' (give scenarios and seed)");
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new WebError(400, "the body must be one JSON object");
      }
    } catch (IOException e) {
      throw new WebError(400, "malformed JSON");
    }
    return new Request(scenarios, seed);
  }
}
