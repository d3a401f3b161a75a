package dev.kumo.exercise.report;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.NavigatorLayerJson;
import dev.kumo.attack.Tactic;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.text.Escape;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The drill as an ATT&amp;CK Navigator layer (layer format 4.5, ATT&amp;CK 18): every exercised
 * technique is listed with score = percent of its steps detected, so missed techniques appear with
 * score 0 and a comment saying why, rather than being left out. Sorted by technique, then tactic.
 */
public final class NavigatorLayer {
  public static final String LAYER_VERSION = NavigatorLayerJson.LAYER_VERSION;
  public static final String ATTACK_VERSION = NavigatorLayerJson.ATTACK_VERSION;
  public static final String NAVIGATOR_VERSION = NavigatorLayerJson.NAVIGATOR_VERSION;
  public static final String DOMAIN = NavigatorLayerJson.DOMAIN;
  /** Red (missed), yellow, green (all steps detected). */
  public static final List<String> GRADIENT = List.of("#ff6666", "#ffe766", "#8ec843");
  /** Longest comment written per technique. */
  static final int MAX_COMMENT = 2000;

  /**
   * One technique of the layer.
   *
   * @param tactic ATT&amp;CK tactic short name (v18: {@code defense-impairment} or {@code stealth} for
   *     what was {@code defense-evasion})
   * @param score percent of its steps detected, 0..100
   * @param steps {@code scenario/step: outcome} for each step
   */
  public record Technique(String techniqueId, String tactic, int score, String comment, List<String> steps) {
    public Technique {
      steps = List.copyOf(steps);
    }
  }

  private final AttackCatalog catalog;

  public NavigatorLayer() {
    this(AttackCatalog.bundled());
  }

  public NavigatorLayer(AttackCatalog catalog) {
    this.catalog = catalog;
  }

  /** The layer's techniques; step techniques the ATT&amp;CK catalog does not know are left out. */
  public List<Technique> techniques(ExerciseResult r) {
    Map<String, List<StepResult>> groups = new TreeMap<>();
    for (StepResult s : r.steps()) {
      String id = catalog.canonicalId(s.step().technique());
      if (!catalog.knows(id)) {
        continue;
      }
      groups.computeIfAbsent(id + "\u0000" + tactic(id, s.step().tactic()), k -> new ArrayList<>()).add(s);
    }
    List<Technique> out = new ArrayList<>();
    for (Map.Entry<String, List<StepResult>> g : groups.entrySet()) {
      String[] key = g.getKey().split("\u0000", 2);
      List<StepResult> steps = g.getValue();
      long detected = steps.stream().filter(StepResult::detected).count();
      int score = (int) Math.round(100.0 * detected / steps.size());
      StringBuilder comment = new StringBuilder("detected " + detected + " of " + steps.size() + " step(s)");
      List<String> stepText = new ArrayList<>();
      for (StepResult s : steps) {
        stepText.add(s.step().key() + ": " + s.outcome());
        if (!s.detected()) {
          comment.append("; missed ").append(s.step().key()).append(": ").append(s.reason().label()).append(" - ")
              .append(s.reasonDetail());
        }
      }
      String c = Escape.terminal(comment.toString());
      if (c.length() > MAX_COMMENT) {
        c = c.substring(0, MAX_COMMENT - 3) + "...";
      }
      out.add(new Technique(key[0], key[1], score, c, stepText));
    }
    return out;
  }

  /** Technique ids of steps the catalog does not know (left out of the layer), sorted. */
  public List<String> unknownTechniques(ExerciseResult r) {
    TreeSet<String> out = new TreeSet<>();
    for (StepResult s : r.steps()) {
      if (!catalog.knows(catalog.canonicalId(s.step().technique()))) {
        out.add(s.step().technique());
      }
    }
    return new ArrayList<>(out);
  }

  /** The tactic short name to place {@code technique} under, preferring the labelled one when it fits. */
  String tactic(String technique, @Nullable String labelled) {
    List<Tactic> known = catalog.tacticsFor(technique);
    if (labelled != null) {
      Tactic t = Tactic.parse(labelled);
      if (t != null && (known.isEmpty() || known.contains(t))) {
        return t.shortName();
      }
      if (Tactic.normalize(labelled).equals(Tactic.DEFENSE_EVASION)) {
        for (Tactic k : known) {
          if (k == Tactic.DEFENSE_IMPAIRMENT || k == Tactic.STEALTH) {
            return k.shortName();
          }
        }
        if (known.isEmpty()) {
          return Tactic.DEFENSE_IMPAIRMENT.shortName();
        }
      }
    }
    return known.isEmpty() ? (labelled == null ? "" : Tactic.normalize(labelled)) : known.get(0).shortName();
  }

  /** Writes the layer as JSON (see {@link NavigatorLayerJson}); {@code out} is flushed and left open. */
  public void write(ExerciseResult r, String name, Writer out) throws IOException {
    List<String> unknown = unknownTechniques(r);
    List<NavigatorLayerJson.Technique> entries = new ArrayList<>();
    for (Technique t : techniques(r)) {
      List<NavigatorLayerJson.Metadata> steps = new ArrayList<>();
      for (String s : t.steps()) {
        steps.add(new NavigatorLayerJson.Metadata("step", Escape.terminal(s)));
      }
      entries.add(new NavigatorLayerJson.Technique(t.techniqueId(), t.tactic(), t.score(), t.comment(), steps));
    }
    String description = Escape.terminal(ReportText.headline(r)
        + ". Score = percent of the technique's steps detected; 0 = missed (see comment)."
        + (unknown.isEmpty() ? "" : " Not in ATT&CK, left out: " + String.join(", ", unknown) + "."));
    List<NavigatorLayerJson.LegendItem> legend = List.of(
        new NavigatorLayerJson.LegendItem("missed (score 0)", GRADIENT.get(0)),
        new NavigatorLayerJson.LegendItem("partly detected", GRADIENT.get(1)),
        new NavigatorLayerJson.LegendItem("detected (score 100)", GRADIENT.get(2)));
    NavigatorLayerJson.write(new NavigatorLayerJson.Layer(name, description, entries, GRADIENT, 0, 100, legend,
        "kumo exercise"), out);
    out.flush();
  }
}
