package dev.kumo.exercise.tabletop;

import dev.kumo.exercise.tabletop.ScoreCard.Total;
import java.util.List;

/**
 * The after-action report as one self-contained HTML page (inline CSS, no scripts, no external resources). All text
 * is HTML-escaped: scenario and answer text is user-written and may carry markup.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(ScoreCard card) {
    Tabletop t = card.tabletop();
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>After-action report: ").append(Text.html(t.title())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
        .append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;")
        .append("text-align:left;vertical-align:top}.ok{color:#176f2c}.bad{color:#a40e26}.score{font-size:1.4rem}")
        .append("</style></head><body>\n");
    sb.append("<h1>After-action report: ").append(Text.html(t.title())).append("</h1>\n");
    sb.append("<p>Tabletop <code>").append(Text.html(t.id())).append("</code> (threat: ").append(t.threat().id())
        .append(")");
    java.time.Instant first = MarkdownReport.firstTime(card);
    if (first != null) {
      sb.append(", played ").append(first);
    }
    sb.append(".</p>\n");
    if (!card.answers().team().isEmpty()) {
      sb.append("<p>Team: ").append(Text.html(String.join(", ", card.answers().team().stream()
          .map(m -> m.name() + " (" + m.role() + ")").toList()))).append(".</p>\n");
    }
    sb.append("<p class=\"score\"><strong>Score: ").append(Gaps.points(card.points())).append(" / ")
        .append(card.max()).append(" (").append(Gaps.percent(card.percent())).append(")</strong></p>\n");
    sb.append("<h2>Objectives</h2>\n");
    list(sb, t.objectives(), "");
    sb.append("<h2>What went well</h2>\n");
    list(sb, card.wentWell().stream().map(r -> r.decision().text() + " — " + r.decision().owner() + " (inject "
        + r.injectId() + ")").toList(), "Nothing was done fully as expected.");
    sb.append("<h2>Missed decisions</h2>\n");
    rows(sb, List.of("Inject", "Decision", "Owner", "Playbook step"), card.missed().stream()
        .map(r -> List.of(Text.html(r.injectId()), Text.html(r.decision().text()), Text.html(r.decision().owner()),
            link(r.decision().playbook()))).toList());
    sb.append("<h2>Made, but not as expected</h2>\n");
    rows(sb, List.of("Decision", "Problem", "Points", "Playbook step"), card.partial().stream()
        .map(r -> List.of(Text.html(r.decision().text()), Text.html(Gaps.problem(r)),
            Gaps.points(r.points()) + " of " + r.decision().weight(), link(r.decision().playbook()))).toList());
    sb.append("<h2>Harmful actions chosen</h2>\n");
    rows(sb, List.of("Inject", "Action", "Points", "Why it is harmful"), card.harmful().stream()
        .map(x -> List.of(Text.html(x.injectId()), "<span class=\"bad\">" + Text.html(x.distractor().text())
            + "</span>", Gaps.points(x.points()), Text.html(x.distractor().why()))).toList());
    sb.append("<h2>Owners missing</h2>\n");
    rows(sb, List.of("Inject", "Role", "Decisions it owns"), card.missingOwners().stream()
        .map(m -> List.of(Text.html(m.injectId()), Text.html(m.role()), Text.html(String.join(", ", m.decisionIds()))))
        .toList());
    if (!card.unrecognised().isEmpty()) {
      sb.append("<h2>Actions not recognised</h2>\n");
      list(sb, card.unrecognised(), "");
    }
    sb.append("<h2>Scores per inject</h2>\n");
    totals(sb, "Inject", card.injects());
    sb.append("<h2>Scores per role</h2>\n");
    totals(sb, "Role", card.roles());
    sb.append("<h2>Improvement plan</h2>\n");
    List<Gaps.Gap> gaps = Gaps.of(card);
    List<List<String>> plan = new java.util.ArrayList<>();
    for (int i = 0; i < gaps.size(); i++) {
      Gaps.Gap g = gaps.get(i);
      plan.add(List.of(String.valueOf(i + 1), Text.html(g.gap()), Text.html(g.owner()), link(g.playbook())));
    }
    rows(sb, List.of("#", "Gap", "Owner", "Playbook step"), plan);
    return sb.append("</body></html>\n").toString();
  }

  private static void list(StringBuilder sb, List<String> items, String none) {
    if (items.isEmpty()) {
      sb.append("<p>").append(none.isEmpty() ? "None." : Text.html(none)).append("</p>\n");
      return;
    }
    sb.append("<ul>\n");
    items.forEach(i -> sb.append("<li>").append(Text.html(i)).append("</li>\n"));
    sb.append("</ul>\n");
  }

  /** A table of cells that are already escaped HTML. */
  private static void rows(StringBuilder sb, List<String> head, List<List<String>> rows) {
    if (rows.isEmpty()) {
      sb.append("<p>None.</p>\n");
      return;
    }
    sb.append("<table><tr>");
    head.forEach(h -> sb.append("<th>").append(Text.html(h)).append("</th>"));
    sb.append("</tr>\n");
    for (List<String> row : rows) {
      sb.append("<tr>");
      row.forEach(c -> sb.append("<td>").append(c).append("</td>"));
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void totals(StringBuilder sb, String what, List<Total> totals) {
    rows(sb, List.of(what, "Points", "Max", "Score"), totals.stream().map(x -> List.of(Text.html(x.name()),
        Gaps.points(x.points()), String.valueOf(x.max()), Gaps.percent(x.percent()))).toList());
  }

  private static String link(String playbook) {
    return playbook.isEmpty() ? "" : "<a href=\"" + Text.html(playbook) + "\">" + Text.html(playbook) + "</a>";
  }
}
