package dev.kumo.serve.alert;

import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert as every output sends it. Text fields come from logs (attacker-controlled): each output encodes them
 * for its medium. Immutable.
 *
 * @param kind a finding, the follow-up of a deduplication window, or a rate-limit summary
 * @param raised when Kumo raised the alert (the dispatcher's clock)
 * @param author the rule's author, credited for SigmaHQ rules (DRL 1.1)
 * @param principal the actor
 * @param firstSeen first event covered (correlations and follow-ups), else null
 * @param lastSeen last event covered (correlations and follow-ups), else null
 * @param count events the finding covers (1 for single-event findings; for a summary: alerts not sent)
 * @param suppressed similar alerts this one stands for that were not sent (deduplication)
 * @param incidentId the case incident, when known
 */
public record Alert(Kind kind, Instant raised, Level level, String ruleId, @Nullable String ruleName, String ruleTitle,
    @Nullable String author, @Nullable String license, List<String> techniques, List<String> tactics, String reason,
    @Nullable String principal, @Nullable String account, @Nullable String region, List<String> resources,
    @Nullable String sourceIp, @Nullable String eventId, @Nullable String logSource, Instant eventTime,
    @Nullable Instant firstSeen, @Nullable Instant lastSeen, long count, long suppressed, @Nullable String incidentId) {

  /** The version of the alert schema (generic webhook body, syslog structured data). */
  public static final String SCHEMA = "kumo.alert/1";

  /** What an alert reports. */
  public enum Kind {
    /** A finding. */
    FINDING("finding"),
    /** Similar alerts suppressed by deduplication, sent when their window closed. */
    REPEAT("repeat"),
    /** Alerts an output's rate limit held back. */
    RATE_LIMIT_SUMMARY("rate-limit-summary");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The schema spelling, e.g. {@code rate-limit-summary}. */
    public String id() {
      return id;
    }
  }

  public Alert {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
    resources = List.copyOf(resources);
  }

  /** The alert for a finding, raised at {@code raised}. */
  public static Alert of(Finding f, Instant raised) {
    EventSummary e = f.event();
    CorrelationInfo c = f.correlation();
    return new Alert(Kind.FINDING, raised, f.level(), f.ruleId(), f.ruleName(), f.ruleTitle(), f.author(),
        f.license(), f.techniques(), f.tacticNames(), f.reason(), e.principal(), e.account(), e.region(),
        e.resources(), e.sourceIp(), e.id(), e.source(), e.time(), c == null ? null : c.firstTime(),
        c == null ? null : e.time(), c == null ? 1 : c.eventCount(), 0, null);
  }

  /** A summary of {@code count} alerts output {@code output} held back, of events between first and last. */
  public static Alert rateLimitSummary(String output, long count, Level highest, Instant first, Instant last,
      Instant raised) {
    return new Alert(Kind.RATE_LIMIT_SUMMARY, raised, highest, "kumo-alert-rate-limit", null,
        "Rate limit: " + count + " alert(s) not sent by output '" + output + "'",
        null, null, List.of(), List.of(),
        count + " alert(s) exceeded the rate limit of output '" + output + "' and were not sent; the findings are in"
            + " the case.", null, null, null, List.of(), null, null, null, last, first, last, count, 0, null);
  }

  /** This alert with the case incident it belongs to. */
  public Alert withIncident(@Nullable String incident) {
    return new Alert(kind, raised, level, ruleId, ruleName, ruleTitle, author, license, techniques, tactics, reason,
        principal, account, region, resources, sourceIp, eventId, logSource, eventTime, firstSeen, lastSeen, count,
        suppressed, incident);
  }

  /** The follow-up standing for {@code n} suppressed copies of this alert, whose events span first to last. */
  public Alert repeat(long n, Instant first, Instant last, Instant raisedAt) {
    return new Alert(Kind.REPEAT, raisedAt, level, ruleId, ruleName, ruleTitle, author, license, techniques, tactics,
        reason, principal, account, region, resources, sourceIp, eventId, logSource, eventTime, first, last, count,
        n, incidentId);
  }

  /** What makes two alerts the same for deduplication: rule, actor and resources. */
  public String dedupKey() {
    return ruleId + '\u0000' + (principal == null ? "" : principal) + '\u0000' + String.join("\u0001", resources);
  }

  /** One line for chat and syslog messages: level, title (raw text: escape it for the medium). */
  public String headline() {
    String prefix = switch (kind) {
      case FINDING -> "";
      case REPEAT -> "Repeated " + suppressed + "x: ";
      case RATE_LIMIT_SUMMARY -> "";
    };
    return "[" + level.id().toUpperCase(java.util.Locale.ROOT) + "] " + prefix + ruleTitle;
  }

  /** The author credit line for SigmaHQ rules, or null. */
  public @Nullable String credit() {
    if (author == null || author.isBlank()) {
      return null;
    }
    return "Rule by " + author + (license == null || license.isBlank() ? "" : " (" + license + ")");
  }
}
