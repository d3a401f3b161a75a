package dev.kumo.exercise.tabletop;

import dev.kumo.exercise.tabletop.ScoreCard.Total;

/** A short plain-text summary of a run for the terminal. */
public final class TextSummary {
  private TextSummary() {}

  public static String render(ScoreCard card) {
    StringBuilder sb = new StringBuilder();
    sb.append("Tabletop ").append(card.tabletop().id()).append(": score ").append(Gaps.points(card.points()))
        .append(" / ").append(card.max()).append(" (").append(Gaps.percent(card.percent())).append(")\n");
    sb.append("  went well: ").append(card.wentWell().size()).append(", partly: ").append(card.partial().size())
        .append(", missed: ").append(card.missed().size()).append(" of ").append(card.decisions().size())
        .append(" decisions; harmful actions: ").append(card.harmful().size()).append("; owners missing: ")
        .append(card.missingOwners().size()).append('\n');
    for (Total t : card.injects()) {
      sb.append(String.format(java.util.Locale.ROOT, "  %-28s %6s / %-4d %5s%n", Text.terminal(t.name()),
          Gaps.points(t.points()), t.max(), Gaps.percent(t.percent())));
    }
    card.missed().forEach(r -> sb.append("  missed: ").append(Text.terminal(r.decision().text())).append(" -> ")
        .append(r.decision().playbook()).append('\n'));
    card.harmful().forEach(x -> sb.append("  harmful: ").append(Text.terminal(x.distractor().text())).append('\n'));
    return sb.toString();
  }
}
