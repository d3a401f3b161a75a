package dev.kumo.exercise.tabletop;

import dev.kumo.exercise.tabletop.ScoreCard.DecisionResult;
import dev.kumo.exercise.tabletop.ScoreCard.DistractorResult;
import dev.kumo.exercise.tabletop.ScoreCard.MissingOwner;
import dev.kumo.exercise.tabletop.ScoreCard.OwnerStatus;
import dev.kumo.exercise.tabletop.ScoreCard.Total;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores {@link Answers} against a {@link Tabletop}.
 *
 * <p>Actions are read in inject order, then in the order given. An action is a decision or distractor id, or free
 * text: free text counts as the first decision whose keywords it contains (the current inject's first), else as the
 * first such distractor, else it is unrecognised. A decision earns its weight once; the weight is halved when its
 * owner was wrong or nobody with that role was assigned, and halved again when its {@code before} decision was not
 * made earlier. Each distractor chosen subtracts its weight once. Stateless and thread-safe.
 */
public final class Scorer {
  private Scorer() {}

  /** Scores one run. Unknown ids in {@code answers} were rejected by {@link AnswersReader}; here they are ignored. */
  public static ScoreCard score(Tabletop t, Answers answers) {
    Map<String, Hit> hits = new HashMap<>();
    Map<String, DistractorResult> harmful = new LinkedHashMap<>();
    List<String> unrecognised = new ArrayList<>();
    Map<String, Set<String>> assigned = new HashMap<>();
    int seq = 0;
    for (Inject inject : t.injects()) {
      Answers.Response r = answers.injects().get(inject.id());
      Set<String> present = new HashSet<>();
      assigned.put(inject.id(), present);
      if (r == null) {
        continue;
      }
      present.addAll(r.owners());
      for (Answers.Action a : r.actions()) {
        seq++;
        if (a.owner() != null) {
          present.add(a.owner());
        }
        Object target = resolve(t, inject, a.text());
        if (target instanceof Decision d) {
          hits.putIfAbsent(d.id(), new Hit(seq, a, r.owners()));
        } else if (target instanceof Located x) {
          harmful.putIfAbsent(x.distractor().id(), new DistractorResult(x.distractor(), x.injectId(), a.owner(),
              x.distractor().weight(), a.text()));
        } else {
          unrecognised.add(a.text());
        }
      }
    }
    List<DecisionResult> results = new ArrayList<>();
    for (Inject inject : t.injects()) {
      for (Decision d : inject.decisions()) {
        results.add(result(d, inject.id(), hits));
      }
    }
    return new ScoreCard(t, answers, results, List.copyOf(harmful.values()), unrecognised,
        injectTotals(t, results, harmful.values()), roleTotals(t, results), missingOwners(t, assigned),
        results.stream().mapToDouble(DecisionResult::points).sum()
            + harmful.values().stream().mapToDouble(DistractorResult::points).sum(),
        t.maxPoints());
  }

  private record Hit(int seq, Answers.Action action, List<String> owners) {}

  private record Located(Distractor distractor, String injectId) {}

  private static @Nullable Object resolve(Tabletop t, Inject current, String text) {
    for (Inject i : t.injects()) {
      for (Decision d : i.decisions()) {
        if (d.id().equals(text)) {
          return d;
        }
      }
      for (Distractor x : i.distractors()) {
        if (x.id().equals(text)) {
          return new Located(x, i.id());
        }
      }
    }
    List<Inject> order = new ArrayList<>();
    order.add(current);
    t.injects().stream().filter(i -> i != current).forEach(order::add);
    for (Inject i : order) {
      for (Decision d : i.decisions()) {
        if (d.matches(text)) {
          return d;
        }
      }
    }
    for (Inject i : order) {
      for (Distractor x : i.distractors()) {
        if (x.matches(text)) {
          return new Located(x, i.id());
        }
      }
    }
    return null;
  }

  private static DecisionResult result(Decision d, String injectId, Map<String, Hit> hits) {
    Hit h = hits.get(d.id());
    if (h == null) {
      return new DecisionResult(d, injectId, false, null, OwnerStatus.MISSING, d.before() == null, 0, null, null);
    }
    String by = h.action().owner();
    OwnerStatus owner = by != null ? (by.equals(d.owner()) ? OwnerStatus.RIGHT : OwnerStatus.WRONG)
        : (h.owners().contains(d.owner()) ? OwnerStatus.RIGHT : OwnerStatus.MISSING);
    Hit first = d.before() == null ? null : hits.get(d.before());
    boolean inOrder = d.before() == null || (first != null && first.seq() < h.seq());
    double points = d.weight() * (owner == OwnerStatus.RIGHT ? 1.0 : 0.5) * (inOrder ? 1.0 : 0.5);
    return new DecisionResult(d, injectId, true, by, owner, inOrder, points, h.action().at(), h.action().text());
  }

  private static List<Total> injectTotals(Tabletop t, List<DecisionResult> results,
      Iterable<DistractorResult> harmful) {
    List<Total> out = new ArrayList<>();
    for (Inject i : t.injects()) {
      double points = results.stream().filter(r -> r.injectId().equals(i.id())).mapToDouble(DecisionResult::points)
          .sum();
      for (DistractorResult x : harmful) {
        points += x.injectId().equals(i.id()) ? x.points() : 0;
      }
      out.add(new Total(i.id(), points, i.decisions().stream().mapToInt(Decision::weight).sum()));
    }
    return out;
  }

  private static List<Total> roleTotals(Tabletop t, List<DecisionResult> results) {
    List<Total> out = new ArrayList<>();
    for (Role role : t.roles()) {
      List<DecisionResult> owned = results.stream().filter(r -> r.decision().owner().equals(role.name())).toList();
      if (!owned.isEmpty()) {
        out.add(new Total(role.name(), owned.stream().mapToDouble(DecisionResult::points).sum(),
            owned.stream().mapToInt(r -> r.decision().weight()).sum()));
      }
    }
    return out;
  }

  private static List<MissingOwner> missingOwners(Tabletop t, Map<String, Set<String>> assigned) {
    List<MissingOwner> out = new ArrayList<>();
    for (Inject i : t.injects()) {
      Map<String, List<String>> byRole = new LinkedHashMap<>();
      for (Decision d : i.decisions()) {
        byRole.computeIfAbsent(d.owner(), k -> new ArrayList<>()).add(d.id());
      }
      Set<String> present = assigned.getOrDefault(i.id(), new LinkedHashSet<>());
      byRole.forEach((role, ids) -> {
        if (!present.contains(role)) {
          out.add(new MissingOwner(i.id(), role, ids));
        }
      });
    }
    return out;
  }
}
