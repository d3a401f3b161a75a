package dev.kumo.export;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.NavigatorLayerJson;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Findings as an ATT&amp;CK Navigator layer (format 4.5, ATT&amp;CK 18): one entry per technique × tactic
 * seen, score = number of findings, comment and metadata naming the rules. Optionally, techniques the
 * rules cover but the findings do not show are listed with score 0 rather than left out, so gaps are
 * visible. Suppressed findings are not counted. Entries are sorted by technique, then tactic; the output
 * does not depend on the order of the findings. Immutable and thread-safe.
 */
public final class NavigatorFindingsLayer {
  /** Green (covered, not seen) to red (most findings). */
  public static final List<String> GRADIENT = List.of("#8ec843", "#ffe766", "#ff6666");
  /** Longest comment written per technique. */
  static final int MAX_COMMENT = 2000;

  private final AttackCatalog catalog;

  public NavigatorFindingsLayer() {
    this(AttackCatalog.bundled());
  }

  public NavigatorFindingsLayer(AttackCatalog catalog) {
    this.catalog = catalog;
  }

  /** Writes the layer of {@code findings}; {@code out} is flushed and left open. */
  public void write(List<Finding> findings, String name, Writer out) throws IOException {
    write(findings, List.of(), name, out);
  }

  /**
   * Writes the layer of {@code findings}, plus a score-0 entry (under each of its tactics) for every
   * technique of {@code covered} that no finding shows. Ids the catalog does not know are left out and
   * named in the description.
   */
  public void write(List<Finding> findings, Collection<String> covered, String name, Writer out)
      throws IOException {
    List<NavigatorLayerJson.Technique> entries = techniques(findings, covered);
    int max = 1;
    for (NavigatorLayerJson.Technique t : entries) {
      max = Math.max(max, t.score());
    }
    TreeSet<String> unknown = unknownTechniques(findings, covered);
    String description = "Kumo findings by ATT&CK technique. Score = number of findings"
        + (covered.isEmpty() ? "." : "; 0 = covered by the rules but not seen.")
        + (unknown.isEmpty() ? "" : " Not in ATT&CK, left out: " + String.join(", ", unknown) + ".");
    List<NavigatorLayerJson.LegendItem> legend = List.of(
        new NavigatorLayerJson.LegendItem("covered, not seen (score 0)", GRADIENT.get(0)),
        new NavigatorLayerJson.LegendItem("seen (score = findings)", GRADIENT.get(2)));
    NavigatorLayerJson.write(new NavigatorLayerJson.Layer(name, description, entries, GRADIENT, 0, max, legend,
        "kumo findings"), out);
    out.flush();
  }

  /** The entries of the layer, sorted by technique id, then tactic. */
  public List<NavigatorLayerJson.Technique> techniques(List<Finding> findings, Collection<String> covered) {
    Map<String, Cell> cells = new TreeMap<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Finding f : findings) {
      if (f.suppressedBy() != null) {
        continue;
      }
      for (FindingAttacks.Placement p : FindingAttacks.of(f.rule(), catalog)) {
        String t = p.technique();
        if (t == null || !catalog.knows(t)) {
          continue;
        }
        seen.add(t);
        String tactic = p.tactic() == null ? "" : p.tactic().shortName();
        cells.computeIfAbsent(t + '\u0000' + tactic, k -> new Cell(t, tactic)).add(f);
      }
    }
    for (String id : covered) {
      String t = catalog.canonicalId(id);
      if (!catalog.knows(t) || seen.contains(t)) {
        continue;
      }
      List<Tactic> tactics = catalog.tacticsFor(t);
      for (Tactic tactic : tactics) {
        cells.putIfAbsent(t + '\u0000' + tactic.shortName(), new Cell(t, tactic.shortName()));
      }
      if (tactics.isEmpty()) {
        cells.putIfAbsent(t + '\u0000', new Cell(t, ""));
      }
    }
    List<NavigatorLayerJson.Technique> out = new ArrayList<>();
    for (Cell c : cells.values()) {
      out.add(c.entry());
    }
    return out;
  }

  private TreeSet<String> unknownTechniques(List<Finding> findings, Collection<String> covered) {
    TreeSet<String> out = new TreeSet<>();
    for (Finding f : findings) {
      for (String t : f.techniques()) {
        if (!catalog.knows(t)) {
          out.add(t);
        }
      }
    }
    for (String t : covered) {
      if (!catalog.knows(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The findings of one technique × tactic. */
  private static final class Cell {
    final String technique;
    final String tactic;
    /** Rule title and id to finding count, sorted. */
    final Map<String, Integer> rules = new TreeMap<>();
    int count;
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;

    Cell(String technique, String tactic) {
      this.technique = technique;
      this.tactic = tactic;
    }

    void add(Finding f) {
      count++;
      rules.merge(f.ruleTitle() + " (" + f.ruleId() + ")", 1, Integer::sum);
      Instant start = f.correlation() == null ? f.time() : f.correlation().firstTime();
      first = start.isBefore(first) ? start : first;
      last = f.time().isAfter(last) ? f.time() : last;
    }

    NavigatorLayerJson.Technique entry() {
      List<NavigatorLayerJson.Metadata> meta = new ArrayList<>();
      String comment;
      if (count == 0) {
        comment = "covered by the rules, not seen in these findings";
      } else {
        StringBuilder sb = new StringBuilder(count + " finding(s): ");
        boolean firstRule = true;
        for (Map.Entry<String, Integer> r : rules.entrySet()) {
          sb.append(firstRule ? "" : "; ").append(r.getKey()).append(" x").append(r.getValue());
          firstRule = false;
          meta.add(new NavigatorLayerJson.Metadata("rule", r.getKey() + ": " + r.getValue()));
        }
        comment = sb.length() > MAX_COMMENT ? sb.substring(0, MAX_COMMENT - 3) + "..." : sb.toString();
        meta.add(new NavigatorLayerJson.Metadata("first seen", first.toString()));
        meta.add(new NavigatorLayerJson.Metadata("last seen", last.toString()));
      }
      return new NavigatorLayerJson.Technique(technique, tactic.isEmpty() ? null : tactic, count, comment, meta);
    }
  }
}
