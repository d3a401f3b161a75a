package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.LabelProblem;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.Scenario;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.text.Escape;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The after-action report in Markdown: summary, steps per scenario, gap table, false positives. */
public final class MarkdownReport {
  private static String md(String s) {
    return Escape.markdown(s);
  }

  public void write(ExerciseResult r, PrintWriter out) {
    out.println("# Kumo exercise: after-action report");
    out.println();
    out.println("- Logs: `" + code(r.logs()) + "`");
    out.println("- Labels: `" + code(r.labelsFile()) + "` (" + r.labels() + " labels, " + r.labelsSkipped()
        + " lines skipped)");
    out.println("- Generated: " + r.generatedAt());
    out.println("- Read " + r.events() + " events from " + r.files() + " files " + sources(r.eventsBySource()));
    out.println("- Rules: " + r.rulesLoaded() + " compiled rules, " + r.detectors() + " detectors; lowest level reported: "
        + r.minLevel().id());
    out.println();
    out.println("**" + md(ReportText.headline(r)) + ".**");
    out.println();
    for (Scenario sc : r.scenarios()) {
      out.println("## Scenario " + md(sc.id()) + (sc.title() == null ? "" : ": " + md(sc.title())));
      out.println();
      out.println("| Step | Technique | Tactic | Source | Result | Time to detect | Rules fired (id, title, level, author) |");
      out.println("|---|---|---|---|---|---|---|");
      for (StepResult s : r.steps()) {
        if (!s.step().scenario().equals(sc.id())) {
          continue;
        }
        out.println("| " + md(s.step().id()) + (s.step().title() == null ? "" : " — " + md(s.step().title()))
            + " | " + md(s.step().technique()) + (s.claimed() ? "" : " (not claimed)") + " | "
            + md(nullable(s.step().tactic())) + " | " + md(s.step().source()) + " | "
            + (s.detected() ? "detected" : "**missed: " + s.reason().label() + "**") + " | "
            + ReportText.duration(s.timeToDetect()) + (s.timeNote() == null ? "" : " (" + md(s.timeNote()) + ")")
            + " | " + rules(s) + " |");
      }
      out.println();
    }
    out.println("## Gaps: missed steps and why");
    out.println();
    List<StepResult> missed = r.missed();
    if (missed.isEmpty()) {
      out.println("Every step was detected.");
    } else {
      out.println("| Technique | Step | Source | Why | Detail |");
      out.println("|---|---|---|---|---|");
      for (StepResult s : missed.stream().sorted(Gaps.ORDER).toList()) {
        out.println("| " + md(s.step().technique()) + " | " + md(s.step().key()) + " | " + md(s.step().source())
            + " | " + s.reason().label() + " | " + md(s.reasonDetail()) + " |");
      }
    }
    out.println();
    out.println("## False positives (findings on unlabelled events)");
    out.println();
    out.println(r.falsePositives() + " finding(s) touched no labelled event.");
    if (!r.falsePositivesByRule().isEmpty()) {
      out.println();
      out.println("| Findings | Rule | Level |");
      out.println("|---|---|---|");
      for (RuleTally t : r.topFalsePositiveRules(20)) {
        out.println("| " + t.findings() + " | " + md(t.title()) + " (" + md(t.id()) + ") | " + t.level().id() + " |");
      }
    }
    if (r.labelsSkipped() > 0 || r.unresolvedLabels() > 0) {
      out.println();
      out.println("## Label problems");
      out.println();
      for (LabelProblem p : r.labelProblems()) {
        out.println("- " + md(p.toString()));
      }
      if (r.unresolvedLabels() > 0) {
        out.println("- " + r.unresolvedLabels() + " (file, line) label(s) matched no event in the logs");
      }
    }
    out.flush();
  }

  private static String rules(StepResult s) {
    StringBuilder sb = new StringBuilder();
    for (FiredRule f : s.rules()) {
      if (sb.length() > 0) {
        sb.append("<br>");
      }
      sb.append(md(f.id())).append(", ").append(md(f.title())).append(", ").append(f.level().id()).append(", ")
          .append(md(nullable(f.author()))).append(" ×").append(f.findings());
    }
    return sb.toString();
  }

  private static String sources(Map<String, Long> bySource) {
    if (bySource.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("(");
    new TreeMap<>(bySource).forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(md(k)).append(": ")
        .append(v));
    return sb.append(")").toString();
  }

  private static String code(String s) {
    return Escape.terminal(s).replace("`", "'");
  }

  private static String nullable(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "-" : s;
  }
}
