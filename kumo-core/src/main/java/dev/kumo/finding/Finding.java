package dev.kumo.finding;

import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule matched an event (or a correlation matched a group of events). Immutable.
 *
 * @param ruleId the rule's id (or name, or title when it has neither)
 * @param author the rule's author, kept for DRL 1.1 attribution of SigmaHQ rules
 * @param ruleSource where the rule came from ({@code builtin:...} or a file path)
 * @param techniques ATT&CK technique ids
 * @param tactics ATT&CK tactic names (v18)
 * @param threats Kumo threat categories (from {@code kumo.threat.*} tags)
 * @param event the matched event (for correlations: the one that completed the match)
 * @param correlation set for correlation findings
 */
public record Finding(
    Level level,
    String ruleId,
    @Nullable String ruleName,
    String ruleTitle,
    @Nullable String author,
    @Nullable String license,
    String ruleSource,
    List<String> techniques,
    List<String> tactics,
    List<String> threats,
    EventSummary event,
    @Nullable CorrelationInfo correlation) implements Serializable {

  /** The version of the JSON/CSV output schema; bumped on any incompatible change. */
  public static final String SCHEMA = "kumo.finding/1.0";

  public Finding {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    threats = List.copyOf(threats);
  }

  public Instant time() {
    return event.time();
  }

  /** The most specific technique, for one table column. */
  public String primaryTechnique() {
    return techniques.stream().filter(t -> t.contains(".")).findFirst()
        .orElse(techniques.isEmpty() ? "" : techniques.get(0));
  }
}
