package dev.kumo.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.DrillFixtures;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.MissReason;
import dev.kumo.exercise.drill.Scorer;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseJsonTest {
  static LoadedRules builtin;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    builtin = LoadedRules.load(true, List.of(), CompileOptions.defaults());
  }

  /** One detected step (T1562.008), one missed (no rule), one with its log source absent, and a skipped label. */
  private ExerciseResult drill(String hostile) throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind" + hostile, "T1562.008", "aws.cloudtrail");
    f.label("e-1", "2026-03-02T10:00:00Z", "hide" + hostile, "T1001.003", "aws.cloudtrail");
    f.label("flow-1", "2026-03-02T10:00:00Z", "scan", "T1046", "aws.vpcflow");
    f.rawLabel("{\"schema\":\"" + hostile + "\"}");
    Path logs = f.write(dir);
    return new Scorer(builtin, HuntOptions.defaults().withThreads(1)).score(logs, dir.resolve("labels.jsonl"));
  }

  private static String json(ExerciseResult r, Long seed) throws Exception {
    StringWriter w = new StringWriter();
    new ExerciseJsonWriter().write(r, seed, w);
    return w.toString();
  }

  @Test
  void writeThenRead_drill_givesEqualResultAndSeed() throws Exception {
    ExerciseResult r = drill("<script>alert(1)</script>\"\u2028");

    ExerciseDocument back = new ExerciseJsonReader().read(json(r, 7L), "exercise.json");

    assertThat(back.result()).isEqualTo(r);
    assertThat(back.seed()).isEqualTo(7L);
    assertThat(new ExerciseJsonReader().read(json(r, null), "x").seed()).isNull();
  }

  @Test
  void write_sameResult_sameBytes_withSchemaFirst() throws Exception {
    ExerciseResult r = drill("");

    String a = json(r, 1L);

    assertThat(a).isEqualTo(json(r, 1L)).startsWith("{\n  \"schema\" : \"kumo.exercise/1\"");
  }

  @Test
  void write_drill_recordsStepsReasonsRulesWithAuthorAndSummary() throws Exception {
    ExerciseResult r = drill("");
    StepResult detected = r.steps().stream().filter(StepResult::detected).findFirst().orElseThrow();

    JsonObject o = (JsonObject) JsonTreeReader.lenient().read(json(r, null));

    JsonObject summary = o.getObject("summary");
    assertThat(summary.get("steps")).isEqualTo(3L);
    assertThat(summary.get("detected")).isEqualTo(1L);
    assertThat(summary.get("missed")).isEqualTo(2L);
    JsonArray steps = (JsonArray) o.get("steps");
    JsonObject blind = steps.stream().map(JsonObject.class::cast).filter(s -> s.get("step").equals("blind"))
        .findFirst().orElseThrow();
    assertThat(blind.get("technique")).isEqualTo("T1562.008");
    assertThat(blind.get("tactic")).isEqualTo("defense-evasion");
    assertThat(blind.get("detected")).isEqualTo(true);
    assertThat(blind.get("time_to_detect_seconds")).isEqualTo(detected.timeToDetect().getSeconds());
    JsonObject rule = (JsonObject) ((JsonArray) blind.get("rules")).get(0);
    assertThat(rule.get("id")).isEqualTo(detected.rules().get(0).id());
    assertThat(rule.has("author")).isTrue();
    JsonObject scan = steps.stream().map(JsonObject.class::cast).filter(s -> s.get("step").equals("scan"))
        .findFirst().orElseThrow();
    assertThat(scan.get("reason")).isEqualTo("log_source_absent");
    assertThat(scan.get("reason_text")).isEqualTo(MissReason.LOG_SOURCE_ABSENT.label());
  }

  @Test
  void read_otherSchema_isRefusedNamingFileAndSchema() {
    assertThatThrownBy(() -> new ExerciseJsonReader().read("{\"schema\":\"kumo.labels/1\"}", "runs/a/exercise.json"))
        .isInstanceOf(ExerciseJsonException.class)
        .hasMessage("runs/a/exercise.json: not a kumo.exercise/1 document (schema: 'kumo.labels/1')");
    assertThatThrownBy(() -> new ExerciseJsonReader().read("[1]", "f.json"))
        .hasMessageContaining("f.json: not a kumo.exercise/1 document");
  }

  @Test
  void read_wrongField_namesFileAndPath() throws Exception {
    String text = json(drill(""), null).replaceFirst("\"detected\" : (true|false)", "\"detected\" : \"yes\"");

    assertThatThrownBy(() -> new ExerciseJsonReader().read(text, "e.json"))
        .isInstanceOf(ExerciseJsonException.class).hasMessage("e.json: steps[0].detected: must be true or false");
  }

  @Test
  void read_notJson_namesFile() {
    assertThatThrownBy(() -> new ExerciseJsonReader().read("{\"schema\": ", "e.json"))
        .isInstanceOf(ExerciseJsonException.class).hasMessageStartingWith("e.json: not JSON: ");
  }

  @Test
  void reportFolder_all_writesFourFiles_andJsonReadsBack() throws Exception {
    ExerciseResult r = drill("");
    Path out = dir.resolve("aar");

    List<String> written = ReportFolder.write(r, 3L, out, EnumSet.allOf(ReportFolder.Part.class));

    assertThat(written).containsExactly("exercise.md", "exercise.html", "navigator-layer.json", "exercise.json");
    assertThat(Files.list(out).map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(written);
    assertThat(new ExerciseJsonReader().read(out.resolve("exercise.json")).result()).isEqualTo(r);
  }
}
