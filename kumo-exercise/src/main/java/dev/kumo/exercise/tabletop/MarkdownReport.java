package dev.kumo.exercise.tabletop;

import dev.kumo.exercise.tabletop.ScoreCard.DecisionResult;
import dev.kumo.exercise.tabletop.ScoreCard.Total;
import java.util.List;

/**
 * The after-action report and improvement plan (AAR/IP) of a run as Markdown. Every user-written text is escaped, so
 * answers cannot inject links, HTML or table cells.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ScoreCard card) {
    Tabletop t = card.tabletop();
    StringBuilder sb = new StringBuilder();
    sb.append("# After-action report: ").append(Text.md(t.title())).append("\n\n");
    sb.append("Tabletop `").append(t.id()).append("` (threat: ").append(t.threat().id()).append(")");
    java.time.Instant first = firstTime(card);
    if (first != null) {
      sb.append(", played ").append(first);
    }
    sb.append(".\n\n");
    if (!card.answers().team().isEmpty()) {
      sb.append("Team: ").append(String.join(", ", card.answers().team().stream()
          .map(m -> Text.md(m.name()) + " (" + Text.md(m.role()) + ")").toList())).append(".\n\n");
    }
    sb.append("**Score: ").append(Gaps.points(card.points())).append(" / ").append(card.max()).append(" (")
        .append(Gaps.percent(card.percent())).append(")**\n\n");
    sb.append("## Objectives\n\n");
    t.objectives().forEach(o -> sb.append("- ").append(Text.md(o)).append('\n'));
    sb.append("\n## What went well\n\n");
    list(sb, card.wentWell().stream().map(r -> Text.md(r.decision().text()) + " — " + r.decision().owner()
        + " (inject `" + r.injectId() + "`)").toList(), "Nothing was done fully as expected.");
    sb.append("\n## Missed decisions\n\n");
    if (card.missed().isEmpty()) {
      sb.append("None.\n");
    } else {
      sb.append("| Inject | Decision | Owner | Playbook step |\n|---|---|---|---|\n");
      for (DecisionResult r : card.missed()) {
        sb.append("| `").append(r.injectId()).append("` | ").append(Text.md(r.decision().text())).append(" | ")
            .append(r.decision().owner()).append(" | ").append(link(r.decision().playbook())).append(" |\n");
      }
    }
    sb.append("\n## Made, but not as expected\n\n");
    list(sb, card.partial().stream().map(r -> Text.md(r.decision().text()) + " — " + Text.md(Gaps.problem(r))
        + " (" + Gaps.points(r.points()) + " of " + r.decision().weight() + " points; "
        + link(r.decision().playbook()) + ")").toList(), "None.");
    sb.append("\n## Harmful actions chosen\n\n");
    if (card.harmful().isEmpty()) {
      sb.append("None.\n");
    } else {
      sb.append("| Inject | Action | Points | Why it is harmful |\n|---|---|---|---|\n");
      card.harmful().forEach(x -> sb.append("| `").append(x.injectId()).append("` | ")
          .append(Text.md(x.distractor().text())).append(" | ").append(Gaps.points(x.points())).append(" | ")
          .append(Text.md(x.distractor().why())).append(" |\n"));
    }
    sb.append("\n## Owners missing\n\n");
    list(sb, card.missingOwners().stream().map(m -> "`" + m.role() + "` at inject `" + m.injectId()
        + "` (owns " + String.join(", ", m.decisionIds()) + ")").toList(), "None: every owning role was assigned.");
    if (!card.unrecognised().isEmpty()) {
      sb.append("\n## Actions not recognised\n\n");
      list(sb, card.unrecognised().stream().map(Text::md).toList(), "");
    }
    sb.append("\n## Scores per inject\n\n");
    table(sb, "Inject", card.injects());
    sb.append("\n## Scores per role\n\n");
    table(sb, "Role", card.roles());
    sb.append("\n## Improvement plan\n\n");
    List<Gaps.Gap> gaps = Gaps.of(card);
    if (gaps.isEmpty()) {
      sb.append("No gaps found.\n");
    } else {
      sb.append("| # | Gap | Owner | Playbook step |\n|---|---|---|---|\n");
      for (int i = 0; i < gaps.size(); i++) {
        Gaps.Gap g = gaps.get(i);
        sb.append("| ").append(i + 1).append(" | ").append(Text.md(g.gap())).append(" | ").append(Text.md(g.owner()))
            .append(" | ").append(link(g.playbook())).append(" |\n");
      }
    }
    return sb.toString();
  }

  static java.time.@org.jspecify.annotations.Nullable Instant firstTime(ScoreCard card) {
    return card.answers().injects().values().stream().map(Answers.Response::at)
        .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null);
  }

  private static void list(StringBuilder sb, List<String> items, String none) {
    if (items.isEmpty()) {
      sb.append(none).append('\n');
    }
    items.forEach(i -> sb.append("- ").append(i).append('\n'));
  }

  private static void table(StringBuilder sb, String what, List<Total> totals) {
    sb.append("| ").append(what).append(" | Points | Max | Score |\n|---|---:|---:|---:|\n");
    totals.forEach(x -> sb.append("| `").append(x.name()).append("` | ").append(Gaps.points(x.points())).append(" | ")
        .append(x.max()).append(" | ").append(Gaps.percent(x.percent())).append(" |\n"));
  }

  private static String link(String playbook) {
    // playbook links were validated as path.md#anchor: nothing to escape
    return playbook.isEmpty() ? "" : "[" + playbook + "](" + playbook + ")";
  }

}
