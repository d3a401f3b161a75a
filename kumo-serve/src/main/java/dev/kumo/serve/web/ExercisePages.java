package dev.kumo.serve.web;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.exercise.report.ExerciseDocument;
import dev.kumo.exercise.report.ExerciseJsonException;
import dev.kumo.exercise.report.NavigatorLayer;
import dev.kumo.exercise.report.ReportFolder;
import dev.kumo.exercise.report.ReportText;
import dev.kumo.serve.exercise.DrillRunner;
import dev.kumo.serve.exercise.DrillState;
import dev.kumo.serve.exercise.ExerciseRuns;
import dev.kumo.serve.exercise.RunSummary;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The console's exercise pages: the list of runs with the drill form, and a run's after-action report rendered
 * here from its {@code exercise.json} (the run's own HTML file is never served). Every value from a run is
 * escaped.
 */
final class ExercisePages {
  private final ExerciseRuns runs;
  private final @Nullable DrillRunner drills;

  ExercisePages(ExerciseRuns runs, @Nullable DrillRunner drills) {
    this.runs = runs;
    this.drills = drills;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, "/exercises", Role.VIEWER, this::list);
    r.guarded(HandlerType.POST, "/exercises", Role.ADMIN, this::startDrill);
    r.guarded(HandlerType.GET, "/exercises/{run}", Role.VIEWER, this::run);
    r.guarded(HandlerType.GET, "/exercises/{run}/" + ReportFolder.LAYER_FILE, Role.VIEWER, this::layer);
  }

  private void list(Context ctx) throws IOException {
    Caller caller = WebServer.caller(ctx);
    Html h = new Html().raw("<h1>Exercises</h1>\n<p class=\"muted\">Detection drills scored against their labels "
        + "(<code>kumo exercise --report</code> runs in the exercises folder, and drills started here).</p>\n");
    drillSection(h, caller);
    List<RunSummary> list = runs.list();
    h.raw("<section><h2>Runs</h2>");
    if (list.isEmpty()) {
      h.raw("<p class=\"empty\">No exercise runs yet.</p>");
    } else {
      h.raw("<table class=\"exercises\"><thead><tr><th>Run</th><th>When</th><th>Scenarios</th><th>Detected</th>")
          .raw("<th>Missed</th><th>Score</th><th>False positives</th></tr></thead><tbody>\n");
      for (RunSummary s : list) {
        h.raw("<tr><td><a class=\"run-link\" href=\"/exercises/").text(Html.url(s.name())).raw("\">").text(s.name())
            .raw("</a></td><td>").time(s.when()).raw("</td>");
        if (s.problem() != null) {
          h.raw("<td colspan=\"5\" class=\"error\">").text(s.problem()).raw("</td></tr>\n");
          continue;
        }
        h.raw("<td>").list(s.scenarios()).raw("</td><td>").num(s.detected()).raw(" of ").num(s.steps())
            .raw("</td><td>").num(s.missed()).raw("</td><td>").text(percent(s.score())).raw("</td><td>")
            .num(s.falsePositives()).raw("</td></tr>\n");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");
    ctx.html(Layout.page("Exercises", caller, "/exercises", h.toString()));
  }

  private void drillSection(Html h, Caller caller) {
    h.raw("<section id=\"drill\"><h2>Drill</h2>");
    if (drills == null) {
      h.raw("<p class=\"empty\">Drills cannot be started from this server.</p></section>\n");
      return;
    }
    DrillState d = drills.current().orElse(null);
    if (d != null) {
      h.raw("<p id=\"drill-state\" class=\"drill-").raw(d.status().id()).raw("\">");
      if (d.status() == DrillState.Status.RUNNING) {
        h.raw("A drill is running: ");
      } else if (d.status() == DrillState.Status.FINISHED) {
        h.raw("Last drill finished: ");
      } else {
        h.raw("Last drill failed: ");
      }
      h.raw("<code>").text(String.join(", ", d.scenarios())).raw("</code>, seed ").num(d.seed()).raw(", started by ")
          .text(d.startedBy()).raw(" at ").time(d.started());
      if (d.finished() != null) {
        h.raw(", ended at ").time(d.finished());
      }
      h.raw(". ");
      if (d.status() == DrillState.Status.FINISHED) {
        h.raw("<a href=\"/exercises/").text(Html.url(d.run())).raw("\">").text(d.run()).raw("</a>");
      } else if (d.status() == DrillState.Status.RUNNING) {
        h.raw("Run <code>").text(d.run()).raw("</code> appears below when it is done; reload this page.");
      } else {
        h.raw("<span class=\"error\">").text(d.error()).raw("</span>");
      }
      h.raw("</p>");
    }
    if (caller.role().allows(Role.ADMIN)) {
      boolean running = d != null && d.status() == DrillState.Status.RUNNING;
      h.raw("<form id=\"drill-form\" class=\"filters\" method=\"post\" action=\"/exercises\">").csrf(caller.session())
          .raw("<label>Scenarios <select name=\"scenario\" multiple size=\"6\" required>")
          .raw("<option value=\"all\">all</option>");
      for (String id : drills.scenarioIds()) {
        h.raw("<option value=\"").text(id).raw("\">").text(id).raw("</option>");
      }
      h.raw("</select></label><label>Seed <input type=\"number\" name=\"seed\" value=\"1\" required></label> ")
          .raw("<button type=\"submit\"").raw(running ? " disabled" : "").raw(">Start drill</button></form>");
    }
    h.raw("</section>\n");
  }

  private void startDrill(Context ctx) throws IOException {
    Caller caller = WebServer.caller(ctx);
    if (drills == null) {
      throw new WebError(503, "drills cannot be started from this server");
    }
    long seed = seed(ctx.formParam("seed"));
    try {
      drills.start(ctx.formParams("scenario"), seed, caller.name());
    } catch (DrillRunner.Busy e) {
      throw new WebError(409, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
    ctx.redirect("/exercises#drill", HttpStatus.SEE_OTHER);
  }

  /** A seed from a form or API field: a whole number, 1 when absent. */
  static long seed(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new WebError(400, "the seed must be a whole number");
    }
  }

  /** A run's document, or 404 (unknown or malformed name) / 500 (unreadable result, named). */
  static ExerciseDocument document(ExerciseRuns runs, String name) throws IOException {
    try {
      return runs.read(name).orElseThrow(() -> new WebError(404, "no such exercise run"));
    } catch (ExerciseJsonException e) {
      throw new WebError(500, "the run's " + ReportFolder.JSON_FILE + " cannot be read: "
          + e.getMessage().replace(runs.dir().toString(), "exercises"));
    }
  }

  private void run(Context ctx) throws IOException {
    String name = ctx.pathParam("run");
    ExerciseDocument doc = document(runs, name);
    ExerciseResult r = doc.result();
    Html h = new Html().raw("<h1>Exercise <code>").text(name).raw("</code></h1>\n");
    h.raw("<p class=\"headline\">").text(ReportText.headline(r)).raw("</p>\n");
    h.raw("<dl class=\"facts\"><dt>Run at</dt><dd>").time(r.generatedAt()).raw("</dd>");
    if (doc.seed() != null) {
      h.raw("<dt>Seed</dt><dd>").num(doc.seed()).raw("</dd>");
    }
    h.raw("<dt>Scenarios</dt><dd>").list(r.scenarios().stream().map(Scenario::id).toList()).raw("</dd>")
        .raw("<dt>Read</dt><dd>").num(r.events()).raw(" events from ").num(r.files()).raw(" files</dd>")
        .raw("<dt>Rules</dt><dd>").num(r.rulesLoaded()).raw(" compiled rules, ").num(r.detectors())
        .raw(" detectors; lowest level reported: ").text(r.minLevel().id()).raw("</dd>")
        .raw("<dt>Labels</dt><dd>").num(r.labels()).raw(" used, ").num(r.labelsSkipped()).raw(" skipped</dd>");
    if (runs.file(name, ReportFolder.LAYER_FILE).isPresent()) {
      h.raw("<dt>ATT&amp;CK Navigator</dt><dd><a download href=\"/exercises/").text(Html.url(name)).raw("/")
          .raw(ReportFolder.LAYER_FILE).raw("\">").raw(ReportFolder.LAYER_FILE).raw("</a></dd>");
    }
    h.raw("</dl>\n");
    for (Scenario sc : r.scenarios()) {
      h.raw("<section><h2>Scenario <code>").text(sc.id()).raw("</code>");
      if (sc.title() != null) {
        h.raw(": ").text(sc.title());
      }
      h.raw("</h2><table class=\"steps\"><thead><tr><th>Step</th><th>Technique</th><th>Tactic</th><th>Source</th>")
          .raw("<th>Result</th><th>Time to detect</th><th>Rules fired</th></tr></thead><tbody>\n");
      for (StepResult s : r.steps()) {
        if (s.step().scenario().equals(sc.id())) {
          stepRow(h, s);
        }
      }
      h.raw("</tbody></table></section>\n");
    }
    gaps(h, r);
    attack(h, r);
    h.raw("<section><h2>False positives</h2><p>").num(r.falsePositives())
        .raw(" finding(s) touched no labelled event.</p>");
    if (!r.falsePositivesByRule().isEmpty()) {
      h.raw("<table><thead><tr><th>Findings</th><th>Rule</th><th>Level</th></tr></thead><tbody>");
      for (RuleTally t : r.topFalsePositiveRules(20)) {
        h.raw("<tr><td>").num(t.findings()).raw("</td><td>").text(t.title()).raw(" <code class=\"muted\">")
            .text(t.id()).raw("</code></td><td>").text(t.level().id()).raw("</td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>\n<p><a href=\"/exercises\">All exercise runs</a></p>");
    ctx.html(Layout.page("Exercise " + name, WebServer.caller(ctx), "/exercises", h.toString()));
  }

  private static void stepRow(Html h, StepResult s) {
    h.raw("<tr class=\"").raw(s.detected() ? "detected" : "missed").raw("\"><td>").text(s.step().id());
    if (s.step().title() != null) {
      h.raw("<br><span class=\"muted\">").text(s.step().title()).raw("</span>");
    }
    h.raw("</td><td><code>").text(s.step().technique()).raw("</code>");
    if (!s.claimed()) {
      h.raw("<br><span class=\"muted\">not claimed</span>");
    }
    h.raw("</td><td>").text(s.step().tactic()).raw("</td><td>").text(s.step().source()).raw("</td>");
    if (s.detected()) {
      h.raw("<td class=\"ok\">detected</td>");
    } else {
      h.raw("<td class=\"miss\">missed: ").text(s.reason() == null ? "?" : s.reason().label()).raw("</td>");
    }
    h.raw("<td>").text(ReportText.duration(s.timeToDetect()));
    if (s.timeNote() != null) {
      h.raw("<br><span class=\"muted\">").text(s.timeNote()).raw("</span>");
    }
    h.raw("</td><td>");
    boolean first = true;
    for (FiredRule f : s.rules()) {
      h.raw(first ? "" : "<br>").text(f.title()).raw(" <span class=\"muted\"><code>").text(f.id())
          .raw("</code>, ").text(f.level().id()).raw(", by ").text(f.author() == null ? "unknown author" : f.author())
          .raw(", \u00d7").num(f.findings()).raw("</span>");
      first = false;
    }
    h.raw("</td></tr>\n");
  }

  private static void gaps(Html h, ExerciseResult r) {
    h.raw("<section id=\"gaps\"><h2>Gaps: missed steps and why</h2>");
    List<StepResult> missed = r.missed().stream().sorted(Comparator.comparing((StepResult s) -> s.step().technique())
        .thenComparing(s -> s.step().key())).toList();
    if (missed.isEmpty()) {
      h.raw("<p>Every step was detected.</p></section>\n");
      return;
    }
    h.raw("<table class=\"gaps\"><thead><tr><th>Technique</th><th>Step</th><th>Source</th><th>Why</th>")
        .raw("<th>Detail</th></tr></thead><tbody>\n");
    for (StepResult s : missed) {
      h.raw("<tr><td><code>").text(s.step().technique()).raw("</code></td><td>").text(s.step().key())
          .raw("</td><td>").text(s.step().source()).raw("</td><td class=\"miss\">")
          .text(s.reason() == null ? "?" : s.reason().label()).raw("</td><td>").text(s.reasonDetail())
          .raw("</td></tr>\n");
    }
    h.raw("</tbody></table></section>\n");
  }

  private static void attack(Html h, ExerciseResult r) {
    h.raw("<section id=\"attack\"><h2>ATT&amp;CK</h2>");
    List<NavigatorLayer.Technique> techniques = new NavigatorLayer().techniques(r);
    if (techniques.isEmpty()) {
      h.raw("<p class=\"empty\">No exercised technique is in the ATT&amp;CK catalogue.</p></section>\n");
      return;
    }
    h.raw("<table class=\"attack\"><thead><tr><th>Technique</th><th>Tactic</th><th>Detected</th><th>Steps</th>")
        .raw("</tr></thead><tbody>\n");
    for (NavigatorLayer.Technique t : techniques) {
      h.raw("<tr><td><code>").text(t.techniqueId()).raw("</code></td><td>").text(t.tactic()).raw("</td><td>")
          .num(t.score()).raw("%</td><td>").text(String.join("; ", t.steps())).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></section>\n");
  }

  private void layer(Context ctx) throws IOException {
    String name = ctx.pathParam("run");
    Path file = runs.file(name, ReportFolder.LAYER_FILE).orElseThrow(() -> new WebError(404, "no such file"));
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + ReportFolder.LAYER_FILE + "\"");
    try (InputStream in = Files.newInputStream(file)) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", p);
  }
}
