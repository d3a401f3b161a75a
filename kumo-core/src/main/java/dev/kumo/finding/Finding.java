package dev.kumo.finding;

import dev.kumo.attack.Tactic;
import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule matched an event (or a correlation matched a group of events). Immutable.
 *
 * @param rule the rule, shared by all its findings
 * @param event the matched event (for correlations: the one that completed the match)
 * @param correlation set for correlation findings
 * @param reason one line a person can read: what happened and why it matched (raw log text; escape
 *     it for the medium it is written to)
 * @param evidence ids of the events that support the finding, oldest first (bounded)
 * @param suppressedBy the mutelist entry that suppressed it (shown only with --show-suppressed), or null
 */
public record Finding(FindingRule rule, EventSummary event, @Nullable CorrelationInfo correlation, String reason,
    List<String> evidence, @Nullable String suppressedBy) implements Serializable {

  /** The version of the JSON/CSV output schema: minor for additions, major for incompatible changes. */
  public static final String SCHEMA = "kumo.finding/1.3";

  public Finding {
    evidence = List.copyOf(evidence);
  }

  /** A finding that is not suppressed. */
  public Finding(FindingRule rule, EventSummary event, @Nullable CorrelationInfo correlation, String reason,
      List<String> evidence) {
    this(rule, event, correlation, reason, evidence, null);
  }

  /** This finding marked as suppressed by a mutelist entry. */
  public Finding suppressed(String entryName) {
    return new Finding(rule, event, correlation, reason, evidence, entryName);
  }

  public Level level() {
    return rule.level();
  }

  public String ruleId() {
    return rule.id();
  }

  public @Nullable String ruleName() {
    return rule.name();
  }

  public String ruleTitle() {
    return rule.title();
  }

  public @Nullable String author() {
    return rule.author();
  }

  public @Nullable String license() {
    return rule.license();
  }

  public String ruleSource() {
    return rule.source();
  }

  public List<String> techniques() {
    return rule.techniques();
  }

  public List<Tactic> tactics() {
    return rule.tactics();
  }

  public List<String> threats() {
    return rule.threats();
  }

  /** Tactic display names, e.g. {@code Defense Impairment}. */
  public List<String> tacticNames() {
    return rule.tactics().stream().map(Tactic::displayName).toList();
  }

  public Instant time() {
    return event.time();
  }

  /** The most specific technique, for one table column. */
  public String primaryTechnique() {
    List<String> t = rule.techniques();
    return t.stream().filter(x -> x.contains(".")).findFirst().orElse(t.isEmpty() ? "" : t.get(0));
  }
}
