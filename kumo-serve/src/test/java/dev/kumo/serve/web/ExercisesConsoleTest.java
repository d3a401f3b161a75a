package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.MissReason;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.drill.ScenarioSource;
import dev.kumo.exercise.drill.SimulatedScenarios;
import dev.kumo.exercise.drill.Step;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.exercise.report.ExerciseJsonReader;
import dev.kumo.exercise.report.ReportFolder;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.serve.exercise.DrillRunner;
import dev.kumo.serve.exercise.ExerciseRuns;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exercises pages and API: listing, the report rendered from exercise.json, downloads, roles and drills. */
class ExercisesConsoleTest {
  static final String HOSTILE = "<script>alert(1)</script>";
  static LoadedRules builtin;

  @TempDir
  Path state;
  @Nullable TestServer s;
  @Nullable DrillRunner runner;

  @BeforeAll
  static void load() {
    builtin = LoadedRules.load(true, List.of(), CompileOptions.defaults());
  }

  @AfterEach
  void stop() throws IOException {
    if (runner != null) {
      runner.close();
    }
    if (s != null) {
      s.close();
    }
  }

  private ExerciseRuns runs() {
    return new ExerciseRuns(state.resolve("exercises"));
  }

  private TestServer start(ScenarioSource source) throws IOException {
    ExerciseRuns runs = runs();
    runner = new DrillRunner(runs, builtin, HuntOptions.defaults().withThreads(1), source, Clock.systemUTC());
    s = new TestServer(state, Clock.systemUTC(), TestServer.caseAccess(), b -> b.exercises(runs, runner));
    return s;
  }

  /** A result with a hostile scenario title, step title and rule title; one step detected, one missed. */
  static ExerciseResult hostileResult(Instant at) {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    Step a = new Step("sc-1", "Title " + HOSTILE, "blind", "Stop " + HOSTILE, "T1562.008", "defense-evasion",
        "aws.cloudtrail", null, List.of("e-1"), List.of(), t, 1);
    Step b = new Step("sc-1", "Title " + HOSTILE, "scan", null, "T1046", "discovery", "aws.vpcflow", null,
        List.of("f-1"), List.of(), t.plusSeconds(60), 1);
    StepResult ra = new StepResult(a, true, List.of(new FiredRule("rule-" + HOSTILE, "Rule " + HOSTILE, Level.HIGH,
        "Author " + HOSTILE, 2, true)), Duration.ofSeconds(42), null, null, "", true, List.of("rule-x"), -1);
    StepResult rb = new StepResult(b, false, List.of(), null, null, MissReason.LOG_SOURCE_ABSENT,
        "no aws.vpcflow event was read " + HOSTILE, false, List.of(), 0);
    return new ExerciseResult("logs", "labels.jsonl", at, List.of(new Scenario("sc-1", "Title " + HOSTILE,
        List.of(a, b))), List.of(ra, rb), List.of(), 0, 2, 0, 1, 10, Map.of("aws.cloudtrail", 10L), 0, 100, 5, 3, 0,
        1, List.of(new RuleTally("fp-rule", "FP " + HOSTILE, Level.LOW, 1)), Level.INFORMATIONAL);
  }

  private void writeRun(String name, Instant at) throws IOException {
    ReportFolder.write(hostileResult(at), 5L, state.resolve("exercises").resolve(name),
        EnumSet.allOf(ReportFolder.Part.class));
  }

  @Test
  void list_showsRunsNewestFirst_withScenariosCountsAndScore() throws Exception {
    start(ScenarioSource.NONE);
    writeRun("older", Instant.parse("2026-11-01T10:00:00Z"));
    writeRun("newer", Instant.parse("2026-11-20T10:00:00Z"));
    Files.createDirectories(state.resolve("exercises/broken"));
    Files.writeString(state.resolve("exercises/broken/exercise.json"), "{\"schema\":\"other/1\"}");
    Files.createDirectories(state.resolve("exercises/.partial-run"));
    TestServer.Login vic = s.login("vic");

    String page = s.get("/exercises", vic.headers()).body();

    assertThat(page).contains("href=\"/exercises/newer\"", "href=\"/exercises/older\"", "<code>sc-1</code>",
        "1 of 2", "50%", "not a kumo.exercise/1 document (schema: &#39;other/1&#39;)").doesNotContain("partial-run");
    assertThat(page.indexOf("/exercises/newer")).isLessThan(page.indexOf("/exercises/older"));
    assertThat(page).doesNotContain("drill-form");
  }

  @Test
  void run_rendersReportFromJson_escapingEveryValue() throws Exception {
    start(ScenarioSource.NONE);
    writeRun("r1", Instant.parse("2026-11-20T10:00:00Z"));
    TestServer.Login vic = s.login("vic");

    HttpResponse<String> r = s.get("/exercises/r1", vic.headers());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("<script").contains("Title &lt;script&gt;alert(1)&lt;/script&gt;",
        "Rule &lt;script&gt;", "by Author &lt;script&gt;", "missed: log source absent", "Gaps: missed steps and why",
        "no aws.vpcflow event was read &lt;script&gt;", "42s", "<code>T1562.008</code>", "defense-impairment",
        "FP &lt;script&gt;", "href=\"/exercises/r1/navigator-layer.json\"");
    assertThat(r.body()).as("the run's own HTML is never embedded").doesNotContain("Kumo exercise: after-action");
  }

  @Test
  void runNames_traversalOrHidden_are404() throws Exception {
    start(ScenarioSource.NONE);
    writeRun("r1", Instant.parse("2026-11-20T10:00:00Z"));
    Files.createDirectories(state.resolve("secret"));
    Files.writeString(state.resolve("secret/exercise.json"), Files.readString(state.resolve(
        "exercises/r1/exercise.json")));
    TestServer.Login vic = s.login("vic");

    for (String name : List.of("..", "%2e%2e", ".partial", "..%2Fsecret", "%2e%2e%2Fsecret", "r1%00", "r%201",
        "nope")) {
      assertThat(s.get("/exercises/" + name, vic.headers()).statusCode()).as(name).isIn(400, 404);
      assertThat(s.get("/api/v1/exercises/" + name, vic.headers()).statusCode()).as(name).isIn(400, 404);
    }
    for (String name : List.of("..", ".partial", "nope", "%2e%2e")) {
      assertThat(s.get("/exercises/" + name, vic.headers()).statusCode()).as(name).isEqualTo(404);
    }
    assertThat(s.get("/exercises/r1/exercise.html", vic.headers()).statusCode()).isEqualTo(404);
    assertThat(s.get("/exercises/r1/..%2F..%2Fsecret%2Fexercise.json", vic.headers()).statusCode()).isIn(400, 404);
  }

  @Test
  void layer_isDownloadedAsJsonAttachment() throws Exception {
    start(ScenarioSource.NONE);
    writeRun("r1", Instant.parse("2026-11-20T10:00:00Z"));
    TestServer.Login vic = s.login("vic");

    HttpResponse<String> r = s.get("/exercises/r1/navigator-layer.json", vic.headers());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
        "application/json"));
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith(
        "attachment"));
    assertThat(r.body()).contains("\"techniqueID\"");
  }

  @Test
  void api_listsRuns_andServesKumoExerciseJson() throws Exception {
    start(ScenarioSource.NONE);
    writeRun("r1", Instant.parse("2026-11-20T10:00:00Z"));
    String[] viewer = {"Authorization", "Bearer " + TestServer.VIEWER_TOKEN};

    JsonObject list = (JsonObject) JsonTreeReader.lenient().read(s.get("/api/v1/exercises", viewer).body());
    HttpResponse<String> one = s.get("/api/v1/exercises/r1", viewer);

    JsonObject run = (JsonObject) ((JsonArray) list.get("runs")).get(0);
    assertThat(run.get("name")).isEqualTo("r1");
    assertThat(run.get("detected")).isEqualTo(1L);
    assertThat(run.get("missed")).isEqualTo(1L);
    assertThat(run.get("seed")).isEqualTo(5L);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(new ExerciseJsonReader().read(one.body(), "api").result())
        .isEqualTo(hostileResult(Instant.parse("2026-11-20T10:00:00Z")));
    assertThat(s.get("/api/v1/exercises/nope", viewer).statusCode()).isEqualTo(404);
  }

  @Test
  void startDrill_viewerOrAnalyst_isForbidden_andSeesNoForm() throws Exception {
    start(new SimulatedScenarios());
    TestServer.Login vic = s.login("vic");
    TestServer.Login alice = s.login("alice");
    String body = "{\"scenarios\":[\"log-tampering\"]}";

    assertThat(s.send("POST", "/api/v1/exercises", "application/json", body, "Authorization",
        "Bearer " + TestServer.VIEWER_TOKEN).statusCode()).isEqualTo(403);
    assertThat(s.send("POST", "/api/v1/exercises", "application/json", body, "Authorization",
        "Bearer " + TestServer.ANALYST_TOKEN).statusCode()).isEqualTo(403);
    assertThat(s.send("POST", "/api/v1/exercises", "application/json", body, "Cookie", alice.cookie(),
        "X-CSRF-Token", alice.csrf()).statusCode()).isEqualTo(403);
    assertThat(s.postForm("/exercises", Map.of("csrf", vic.csrf(), "scenario", "log-tampering"), vic.headers())
        .statusCode()).isEqualTo(403);
    assertThat(s.get("/exercises", alice.headers()).body()).doesNotContain("drill-form");
    assertThat(runner.current()).isEmpty();
  }

  @Test
  void startDrill_adminWithoutCsrf_isForbidden_unknownScenarioIsBadRequest() throws Exception {
    start(new SimulatedScenarios());
    TestServer.Login ada = s.login("ada");

    assertThat(s.postForm("/exercises", Map.of("scenario", "log-tampering"), ada.headers()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad = s.send("POST", "/api/v1/exercises", "application/json",
        "{\"scenarios\":[\"no-such\"]}", "Cookie", ada.cookie(), "X-CSRF-Token", ada.csrf());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("unknown scenario no-such");
    assertThat(s.get("/exercises", ada.headers()).body()).contains("drill-form", "<option value=\"log-tampering\">");
  }

  @Test
  void startDrill_whileOneRuns_isRefusedWith409_andPageShowsIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    start(new ScenarioSource() {
      @Override
      public List<String> scenarioIds() {
        return List.of("slow");
      }

      @Override
      public Run run(List<String> ids, long seed, Path workDir) throws IOException {
        entered.countDown();
        try {
          release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("simulator stopped " + HOSTILE);
      }
    });
    TestServer.Login ada = s.login("ada");

    HttpResponse<String> first = s.send("POST", "/api/v1/exercises", "application/json",
        "{\"scenarios\":\"slow\",\"seed\":4}", "Cookie", ada.cookie(), "X-CSRF-Token", ada.csrf());
    HttpResponse<String> second = s.postForm("/exercises", Map.of("csrf", ada.csrf(), "scenario", "slow"),
        ada.headers());
    assertThat(entered.await(2, TimeUnit.MINUTES)).isTrue();
    String running = s.get("/exercises", ada.headers()).body();
    release.countDown();

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.body()).contains("\"status\":\"running\"", "-slow-seed4");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("a drill is already running");
    assertThat(running).contains("A drill is running", "<code>slow</code>", "seed 4", "ada");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (runner.current().orElseThrow().finished() == null && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(s.get("/exercises", ada.headers()).body()).contains("Last drill failed",
        "simulator stopped &lt;script&gt;").doesNotContain("<script");
    try (var left = Files.list(state.resolve("exercises"))) {
      assertThat(left).as("no half-written run is left").isEmpty();
    }
  }

  @Test
  void realDrill_startedThroughApi_finishesAndIsListed() throws Exception {
    start(new SimulatedScenarios());
    TestServer.Login ada = s.login("ada");
    String[] viewer = {"Authorization", "Bearer " + TestServer.VIEWER_TOKEN};

    HttpResponse<String> started = s.send("POST", "/api/v1/exercises", "application/json",
        "{\"scenarios\":[\"log-tampering\"],\"seed\":\"3\"}", "Cookie", ada.cookie(), "X-CSRF-Token", ada.csrf());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = (String) ((JsonObject) JsonTreeReader.lenient().read(started.body())).get("run");
    assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/exercises/" + run);

    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    JsonObject list;
    do {
      Thread.sleep(200);
      list = (JsonObject) JsonTreeReader.lenient().read(s.get("/api/v1/exercises", viewer).body());
    } while ((((JsonArray) list.get("runs")).isEmpty()
        || "running".equals(((JsonObject) list.get("drill")).get("status"))) && Instant.now().isBefore(deadline));

    JsonObject listed = (JsonObject) ((JsonArray) list.get("runs")).get(0);
    assertThat(listed.get("name")).isEqualTo(run);
    assertThat((JsonArray) listed.get("scenarios")).containsExactly("log-tampering");
    assertThat((Long) listed.get("steps")).isPositive();
    assertThat(listed.get("seed")).isEqualTo(3L);
    assertThat(((JsonObject) list.get("drill")).get("status")).isEqualTo("finished");
    try (var files = Files.list(state.resolve("exercises").resolve(run))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("exercise.json",
          "exercise.md", "exercise.html", "navigator-layer.json");
    }
    assertThat(s.get("/exercises/" + run, ada.headers()).body()).contains("Scenario <code>log-tampering</code>",
        "stop-trail");
  }
}
