package dev.kumo.exercise.tabletop;

import dev.kumo.exercise.tabletop.ScoreCard.DecisionResult;
import dev.kumo.exercise.tabletop.ScoreCard.OwnerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The improvement plan of a run: one row per gap, shared by every report format. */
final class Gaps {
  /** One gap to close: what went wrong, who owns the fix, and the playbook step that covers it. */
  record Gap(String gap, String owner, String playbook) {}

  private Gaps() {}

  static List<Gap> of(ScoreCard card) {
    List<Gap> gaps = new ArrayList<>();
    for (DecisionResult r : card.missed()) {
      gaps.add(new Gap("Missed: " + r.decision().text(), r.decision().owner(), r.decision().playbook()));
    }
    for (DecisionResult r : card.partial()) {
      gaps.add(new Gap(problem(r) + ": " + r.decision().text(), r.decision().owner(), r.decision().playbook()));
    }
    for (ScoreCard.DistractorResult x : card.harmful()) {
      String playbook = card.tabletop().inject(x.injectId()).flatMap(i -> i.decisions().stream().findFirst())
          .map(Decision::playbook).orElse("");
      gaps.add(new Gap("Harmful action chosen: " + x.distractor().text() + " (" + x.distractor().why() + ")",
          x.takenBy() != null ? x.takenBy() : card.tabletop().roles().get(0).name(), playbook));
    }
    for (ScoreCard.MissingOwner m : card.missingOwners()) {
      gaps.add(new Gap("Nobody held the " + m.role() + " role at inject " + m.injectId(), m.role(),
          card.tabletop().decisions().stream().filter(d -> d.id().equals(m.decisionIds().get(0))).findFirst()
              .map(Decision::playbook).orElse("")));
    }
    return gaps;
  }

  /** Why a made decision lost points, e.g. "taken by legal, not comms; out of order". */
  static String problem(DecisionResult r) {
    List<String> parts = new ArrayList<>();
    if (r.owner() == OwnerStatus.WRONG) {
      parts.add("taken by " + r.takenBy() + ", not " + r.decision().owner());
    } else if (r.owner() == OwnerStatus.MISSING) {
      parts.add("no " + r.decision().owner() + " assigned");
    }
    if (!r.inOrder()) {
      parts.add("made before '" + r.decision().before() + "'");
    }
    return String.join("; ", parts);
  }

  static String points(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", p);
  }
}
