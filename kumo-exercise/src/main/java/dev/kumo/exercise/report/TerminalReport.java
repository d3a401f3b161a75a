package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.LabelProblem;
import dev.kumo.exercise.drill.RuleTally;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.text.Escape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The drill as a terminal table: one row per step, then totals, false positives and skipped labels. */
public final class TerminalReport {
  private static final String RESET = "\u001b[0m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String BOLD = "\u001b[1m";
  /** Widest a cell gets before it is cut. */
  static final int MAX_CELL = 64;
  /** Widest the last cell (rules fired, or why missed) gets. */
  static final int MAX_LAST_CELL = 160;

  private final boolean color;

  /** @param color use ANSI colours (callers decide from NO_COLOR, --no-color and whether output is a terminal) */
  public TerminalReport(boolean color) {
    this.color = color;
  }

  public void write(ExerciseResult r, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SCENARIO / STEP", "TECHNIQUE", "RESULT", "TTD", "RULES FIRED / WHY MISSED"});
    for (StepResult s : r.steps()) {
      String why = s.detected() ? ReportText.rules(s, 2) : s.reasonDetail();
      rows.add(new String[] {s.step().key(), s.step().technique() + (s.claimed() ? "" : " *"),
          s.detected() ? "detected" : "MISSED: " + s.reason().label(), ReportText.duration(s.timeToDetect()), why});
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = cut(Escape.terminal(row[i]), i == row.length - 1 ? MAX_LAST_CELL : MAX_CELL);
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int n = 0; n < rows.size(); n++) {
      String[] row = rows.get(n);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = i == row.length - 1 ? row[i] : pad(row[i], width[i]);
        if (n == 0) {
          cell = paint(BOLD, cell);
        } else if (i == 2) {
          cell = paint(row[2].equals("detected") ? GREEN : RED, cell);
        }
        sb.append(cell).append(i == row.length - 1 ? "" : "  ");
      }
      out.println(sb.toString().stripTrailing());
    }
    out.println();
    out.println(ReportText.headline(r));
    out.println("* technique not claimed by a reporting built-in rule or detector for its source");
    out.println("Read " + r.events() + " events from " + r.files() + " files; " + r.findings()
        + " findings reported, " + r.findingsMuted() + " muted (mutelist or below --min-level "
        + r.minLevel().id() + ")");
    if (!r.falsePositivesByRule().isEmpty()) {
      out.println("Top false-positive rules:");
      for (RuleTally t : r.topFalsePositiveRules(5)) {
        out.println("  " + t.findings() + "  " + Escape.terminal(t.title()) + " (" + Escape.terminal(t.id())
            + ")");
      }
    }
    if (r.labelsSkipped() > 0) {
      out.println(r.labelsSkipped() + " label line(s) skipped:");
      for (LabelProblem p : r.labelProblems().subList(0, Math.min(10, r.labelProblems().size()))) {
        out.println("  " + Escape.terminal(p.toString()));
      }
    }
    if (r.unresolvedLabels() > 0) {
      out.println(r.unresolvedLabels() + " (file, line) label(s) matched no event in the logs");
    }
    out.flush();
  }

  private String paint(String code, String s) {
    return color ? code + s + RESET : s;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
