package dev.kumo.investigate.report;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import dev.kumo.investigate.AttackCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ATT&amp;CK heat map: one column per tactic in kill-chain order, one cell per technique, shaded by
 * how many findings name it. A finding counts once per (tactic, technique) cell: a technique goes
 * under the rule's tactics that the technique belongs to (all the rule's tactics when none does, the
 * technique's own tactics when the rule names none). Techniques with no tactic go in a last column.
 */
final class AttackHeatMap {
  /** Cell key of findings whose rule names tactics but no technique. */
  static final String NO_TECHNIQUE = AttackCounts.NO_TECHNIQUE;
  private static final int SHADES = 5;
  /** Where the long words of tactic names may break in narrow columns (marked with soft hyphens). */
  private static final Map<String, String> BREAKS = Map.ofEntries(Map.entry("Reconnaissance", "Recon-nais-sance"),
      Map.entry("Development", "Devel-op-ment"), Map.entry("Persistence", "Persis-tence"),
      Map.entry("Privilege", "Privi-lege"), Map.entry("Escalation", "Esca-la-tion"),
      Map.entry("Impairment", "Impair-ment"), Map.entry("Credential", "Creden-tial"),
      Map.entry("Discovery", "Disco-very"), Map.entry("Collection", "Collec-tion"),
      Map.entry("Exfiltration", "Exfil-tra-tion"), Map.entry("Execution", "Execu-tion"),
      Map.entry("Movement", "Move-ment"), Map.entry("Resource", "Re-source"), Map.entry("Command", "Com-mand"));

  private AttackHeatMap() {}

  static void write(List<Finding> findings, HtmlOut o) {
    AttackCatalog catalog = AttackCatalog.bundled();
    AttackCounts counts = AttackCounts.of(findings);
    Map<Tactic, Map<String, Long>> cells = counts.cells();
    Map<Tactic, Long> perTactic = counts.perTactic();
    Map<String, Long> unmapped = counts.noTactic();
    if (cells.isEmpty() && unmapped.isEmpty()) {
      o.raw("<p class=\"empty\">No findings name an ATT&amp;CK tactic or technique.</p>\n");
      return;
    }
    long max = counts.max();
    o.raw("<div class=\"heatmap\" role=\"group\" aria-label=\"Findings per ATT&amp;CK tactic and technique\">\n");
    for (Tactic t : Tactic.values()) {
      Map<String, Long> col = cells.getOrDefault(t, Map.of());
      o.raw("<div class=\"tcol").raw(col.isEmpty() ? " none" : "").raw("\"><div class=\"thead\">")
          .raw(breakable(t.displayName())).raw("<span class=\"count\">").num(perTactic.getOrDefault(t, 0L))
          .raw("</span></div>\n");
      column(col, max, catalog, o);
      o.raw("</div>\n");
    }
    if (!unmapped.isEmpty()) {
      o.raw("<div class=\"tcol\"><div class=\"thead\">No tactic<span class=\"count\">")
          .num(unmapped.values().stream().mapToLong(Long::longValue).sum()).raw("</span></div>\n");
      column(unmapped, max, catalog, o);
      o.raw("</div>\n");
    }
    o.raw("</div>\n<p class=\"muted heatkey\">Shade: findings per technique, relative to the busiest cell (")
        .num(max).raw("). Column heads: findings per tactic.</p>\n");
  }

  private static void column(Map<String, Long> col, long max, AttackCatalog catalog, HtmlOut o) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(col.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Long> en : entries) {
      String tech = en.getKey();
      long c = en.getValue();
      long shade = Math.max(1, (c * SHADES + max - 1) / max);
      @Nullable String name = tech.equals(NO_TECHNIQUE) ? "no technique named" : catalog.name(tech);
      o.raw("<div class=\"cell heat-").num(shade).raw("\"><span class=\"tid\">")
          .text(tech.equals(NO_TECHNIQUE) ? "-" : tech).raw("</span><span class=\"count\">").num(c)
          .raw("</span>");
      if (name != null) {
        o.raw("<span class=\"tname\">").text(name).raw("</span>");
      }
      o.raw("</div>\n");
    }
  }

  /** A tactic's name (which has no hyphens), escaped, with soft hyphens in its long words. */
  static String breakable(String name) {
    StringBuilder sb = new StringBuilder();
    for (String word : name.split(" ", -1)) {
      sb.append(sb.length() == 0 ? "" : " ")
          .append(HtmlOut.esc(BREAKS.getOrDefault(word, word)).replace("-", "&shy;"));
    }
    return sb.toString();
  }
}
