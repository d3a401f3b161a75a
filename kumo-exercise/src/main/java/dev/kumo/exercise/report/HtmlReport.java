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
import org.jspecify.annotations.Nullable;

/**
 * The after-action report as one self-contained HTML page: inline CSS, no scripts, no external
 * resources. Every string from logs or labels is HTML-escaped.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2430;max-width:1400px}
      h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
      table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}
      th,td{border:1px solid #dde3ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f5f8}code{background:#f3f5f8;padding:0 .2rem;word-break:break-all}
      .ok{background:#e6f4e1;color:#1f5d17;font-weight:600}.miss{background:#fde8e8;color:#8a1c1c;font-weight:600}
      .headline{font-size:1.05rem;padding:.6rem .8rem;background:#f3f5f8;border-left:4px solid #4a78c2}
      .muted{color:#5f6b7a;font-size:.85rem}ul.meta{list-style:none;padding:0}ul.meta li{margin:.15rem 0}
      """;

  private static String h(@Nullable String s) {
    return s == null ? "-" : Escape.html(s);
  }

  public void write(ExerciseResult r, PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    out.println("<title>Kumo exercise: after-action report</title><style>" + CSS + "</style></head><body>");
    out.println("<h1>Kumo exercise: after-action report</h1>");
    out.println("<p class=\"headline\">" + h(ReportText.headline(r)) + "</p>");
    out.println("<ul class=\"meta\">");
    out.println("<li>Logs: <code>" + h(r.logs()) + "</code></li>");
    out.println("<li>Labels: <code>" + h(r.labelsFile()) + "</code> (" + r.labels() + " labels, " + r.labelsSkipped()
        + " lines skipped)</li>");
    out.println("<li>Generated: " + h(r.generatedAt().toString()) + "</li>");
    out.println("<li>Read " + r.events() + " events from " + r.files() + " files" + sources(r.eventsBySource())
        + "</li>");
    out.println("<li>Rules: " + r.rulesLoaded() + " compiled rules, " + r.detectors()
        + " detectors; lowest level reported: " + h(r.minLevel().id()) + "</li>");
    out.println("</ul>");
    for (Scenario sc : r.scenarios()) {
      out.println("<h2>Scenario " + h(sc.id()) + (sc.title() == null ? "" : ": " + h(sc.title())) + "</h2>");
      out.println("<table><thead><tr><th>Step</th><th>Technique</th><th>Tactic</th><th>Source</th><th>Result</th>"
          + "<th>Time to detect</th><th>Rules fired</th></tr></thead><tbody>");
      for (StepResult s : r.steps()) {
        if (!s.step().scenario().equals(sc.id())) {
          continue;
        }
        out.println("<tr><td>" + h(s.step().id()) + (s.step().title() == null ? ""
            : "<br><span class=\"muted\">" + h(s.step().title()) + "</span>") + "</td><td>" + h(s.step().technique())
            + (s.claimed() ? "" : "<br><span class=\"muted\">not claimed</span>") + "</td><td>"
            + h(s.step().tactic()) + "</td><td>" + h(s.step().source()) + "</td>"
            + (s.detected() ? "<td class=\"ok\">detected</td>"
                : "<td class=\"miss\">missed: " + h(s.reason().label()) + "</td>")
            + "<td>" + h(ReportText.duration(s.timeToDetect()))
            + (s.timeNote() == null ? "" : "<br><span class=\"muted\">" + h(s.timeNote()) + "</span>") + "</td><td>"
            + rules(s) + "</td></tr>");
      }
      out.println("</tbody></table>");
    }
    out.println("<h2>Gaps: missed steps and why</h2>");
    List<StepResult> missed = r.missed();
    if (missed.isEmpty()) {
      out.println("<p>Every step was detected.</p>");
    } else {
      out.println("<table><thead><tr><th>Technique</th><th>Step</th><th>Source</th><th>Why</th><th>Detail</th></tr>"
          + "</thead><tbody>");
      for (StepResult s : missed.stream().sorted(Gaps.ORDER).toList()) {
        out.println("<tr><td>" + h(s.step().technique()) + "</td><td>" + h(s.step().key()) + "</td><td>"
            + h(s.step().source()) + "</td><td class=\"miss\">" + h(s.reason().label()) + "</td><td>"
            + h(s.reasonDetail()) + "</td></tr>");
      }
      out.println("</tbody></table>");
    }
    out.println("<h2>False positives (findings on unlabelled events)</h2>");
    out.println("<p>" + r.falsePositives() + " finding(s) touched no labelled event.</p>");
    if (!r.falsePositivesByRule().isEmpty()) {
      out.println("<table><thead><tr><th>Findings</th><th>Rule</th><th>Level</th></tr></thead><tbody>");
      for (RuleTally t : r.topFalsePositiveRules(20)) {
        out.println("<tr><td>" + t.findings() + "</td><td>" + h(t.title()) + " <span class=\"muted\">" + h(t.id())
            + "</span></td><td>" + h(t.level().id()) + "</td></tr>");
      }
      out.println("</tbody></table>");
    }
    if (r.labelsSkipped() > 0 || r.unresolvedLabels() > 0) {
      out.println("<h2>Label problems</h2><ul>");
      for (LabelProblem p : r.labelProblems()) {
        out.println("<li>" + h(p.toString()) + "</li>");
      }
      if (r.unresolvedLabels() > 0) {
        out.println("<li>" + r.unresolvedLabels() + " (file, line) label(s) matched no event in the logs</li>");
      }
      out.println("</ul>");
    }
    out.println("</body></html>");
    out.flush();
  }

  private static String rules(StepResult s) {
    StringBuilder sb = new StringBuilder();
    for (FiredRule f : s.rules()) {
      if (sb.length() > 0) {
        sb.append("<br>");
      }
      sb.append(h(f.title())).append(" <span class=\"muted\">").append(h(f.id())).append(", ")
          .append(h(f.level().id())).append(", ").append(h(f.author())).append(", ×").append(f.findings())
          .append("</span>");
    }
    return sb.toString();
  }

  private static String sources(Map<String, Long> bySource) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(bySource).forEach((k, v) -> sb.append(sb.length() == 0 ? " (" : ", ").append(h(k)).append(": ")
        .append(v));
    return sb.length() == 0 ? "" : sb.append(")").toString();
  }
}
