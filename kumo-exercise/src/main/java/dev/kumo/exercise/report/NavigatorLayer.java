package dev.kumo.exercise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.StepResult;
import dev.kumo.text.Escape;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  public static final String LAYER_VERSION = "4.5";
  public static final String ATTACK_VERSION = "18";
  public static final String NAVIGATOR_VERSION = "5.1.0";
  public static final String DOMAIN = "enterprise-attack";
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

  /** Writes the layer as JSON. */
  public void write(ExerciseResult r, String name, Writer out) throws IOException {
    List<Technique> techniques = techniques(r);
    List<String> unknown = unknownTechniques(r);
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeObjectFieldStart("versions");
      g.writeStringField("attack", ATTACK_VERSION);
      g.writeStringField("navigator", NAVIGATOR_VERSION);
      g.writeStringField("layer", LAYER_VERSION);
      g.writeEndObject();
      g.writeStringField("domain", DOMAIN);
      g.writeStringField("description", Escape.terminal(ReportText.headline(r)
          + ". Score = percent of the technique's steps detected; 0 = missed (see comment)."
          + (unknown.isEmpty() ? "" : " Not in ATT&CK, left out: " + String.join(", ", unknown) + ".")));
      g.writeObjectFieldStart("filters");
      g.writeArrayFieldStart("platforms");
      for (String p : List.of("IaaS", "SaaS", "Office Suite", "Identity Provider", "Containers", "Linux", "Windows",
          "macOS", "Network Devices", "ESXi")) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeNumberField("sorting", 3);
      g.writeObjectFieldStart("layout");
      g.writeStringField("layout", "side");
      g.writeStringField("aggregateFunction", "average");
      g.writeBooleanField("showID", true);
      g.writeBooleanField("showName", true);
      g.writeBooleanField("showAggregateScores", false);
      g.writeBooleanField("countUnscored", false);
      g.writeStringField("expandedSubtechniques", "annotated");
      g.writeEndObject();
      g.writeBooleanField("hideDisabled", false);
      g.writeArrayFieldStart("techniques");
      for (Technique t : techniques) {
        g.writeStartObject();
        g.writeStringField("techniqueID", t.techniqueId());
        g.writeStringField("tactic", t.tactic());
        g.writeNumberField("score", t.score());
        g.writeStringField("comment", t.comment());
        g.writeBooleanField("enabled", true);
        g.writeArrayFieldStart("metadata");
        for (String s : t.steps()) {
          g.writeStartObject();
          g.writeStringField("name", "step");
          g.writeStringField("value", Escape.terminal(s));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("links");
        g.writeEndArray();
        g.writeBooleanField("showSubtechniques", t.techniqueId().contains("."));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("gradient");
      g.writeArrayFieldStart("colors");
      for (String c : GRADIENT) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeNumberField("minValue", 0);
      g.writeNumberField("maxValue", 100);
      g.writeEndObject();
      g.writeArrayFieldStart("legendItems");
      Map<String, String> legend = new LinkedHashMap<>();
      legend.put("missed (score 0)", GRADIENT.get(0));
      legend.put("partly detected", GRADIENT.get(1));
      legend.put("detected (score 100)", GRADIENT.get(2));
      for (Map.Entry<String, String> e : legend.entrySet()) {
        g.writeStartObject();
        g.writeStringField("label", e.getKey());
        g.writeStringField("color", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("metadata");
      g.writeStartObject();
      g.writeStringField("name", "generated by");
      g.writeStringField("value", "kumo exercise");
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("links");
      g.writeEndArray();
      g.writeBooleanField("showTacticRowBackground", true);
      g.writeStringField("tacticRowBackground", "#dddddd");
      g.writeBooleanField("selectTechniquesAcrossTactics", true);
      g.writeBooleanField("selectSubtechniquesWithParent", false);
      g.writeBooleanField("selectVisibleTechniques", false);
      g.writeEndObject();
    }
  }
}
