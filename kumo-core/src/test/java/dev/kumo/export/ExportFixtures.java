package dev.kumo.export;

import dev.kumo.attack.Tactic;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Findings built by hand for the export tests. */
final class ExportFixtures {
  /** Quotes, backslash, newline, markup, U+2028, ESC, a bidi override, a C1 control and a lone surrogate. */
  static final String HOSTILE = "a\"b\\c\nd<script>alert(1)</script>\u2028e\u001bf\u202e\u0085\ud800g";

  static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456Z");

  private ExportFixtures() {}

  static FindingRule stopLoggingRule() {
    return new FindingRule(Level.HIGH, "aws_cloudtrail_stop_logging", "stop_logging", "CloudTrail logging stopped",
        "Florian Roth (Nextron Systems)", "DRL-1.1", "builtin:sigmahq/aws_cloudtrail_disable_logging.yml",
        List.of("T1562.008"), List.of(Tactic.DEFENSE_IMPAIRMENT), List.of("defense-impairment"));
  }

  static FindingRule bruteForceRule() {
    return new FindingRule(Level.MEDIUM, "kumo_console_login_failures", null, "Many failed console logins", "Kumo",
        "Apache-2.0", "builtin:kumo/console_login_failures.yml", List.of("T1110"), List.of(Tactic.CREDENTIAL_ACCESS),
        List.of());
  }

  static FindingRule untaggedRule() {
    return new FindingRule(Level.LOW, "kumo_untagged", null, "Untagged rule", null, null, "rules/local.yml",
        List.of(), List.of(), List.of());
  }

  static EventSummary event(String id, Instant time, String sourceIp) {
    return new EventSummary(id, time, "aws.cloudtrail", "123456789012", "us-east-1",
        "arn:aws:iam::123456789012:user/alice", "IAMUser", "AKIAEXAMPLE", sourceIp, null, "aws-cli/2.15",
        "cloudtrail.amazonaws.com", "StopLogging", null,
        List.of("arn:aws:cloudtrail:us-east-1:123456789012:trail/main"), "logs/trail.json.gz", 42);
  }

  static Finding stopLogging() {
    return new Finding(stopLoggingRule(), event("ev-1", T0, "203.0.113.7"), null,
        "alice stopped CloudTrail trail main", List.of("ev-1"));
  }

  /** A correlation: 7 failed logins from 10:00 to 10:05, completed by ev-9. */
  static Finding bruteForce() {
    Map<String, String> group = new LinkedHashMap<>();
    group.put("sourceIPAddress", "198.51.100.3");
    Instant first = Instant.parse("2026-03-02T10:00:00Z");
    Instant last = Instant.parse("2026-03-02T10:05:00Z");
    CorrelationInfo c = new CorrelationInfo("event_count", group, List.of("ev-3", "ev-9"), 7, 7.0, first);
    return new Finding(bruteForceRule(), event("ev-9", last, "198.51.100.3"), c, "7 failed logins from 198.51.100.3",
        List.of("ev-3", "ev-9"));
  }

  /** Every free-text field carries {@link #HOSTILE}. */
  static Finding hostile() {
    FindingRule r = new FindingRule(Level.CRITICAL, "id" + HOSTILE, null, "title" + HOSTILE, "author" + HOSTILE,
        "license" + HOSTILE, "source" + HOSTILE, List.of("T1078.004"), List.of(Tactic.INITIAL_ACCESS),
        List.of("threat" + HOSTILE));
    EventSummary e = new EventSummary("ev" + HOSTILE, T0.plusSeconds(60), "aws.cloudtrail", "acct" + HOSTILE,
        "region" + HOSTILE, "principal" + HOSTILE, "type" + HOSTILE, "key" + HOSTILE, "2001:db8::1", null,
        "ua" + HOSTILE, "svc" + HOSTILE, "op" + HOSTILE, "err" + HOSTILE, List.of("res" + HOSTILE), "file" + HOSTILE,
        1);
    return new Finding(r, e, null, "reason" + HOSTILE, List.of("ev" + HOSTILE));
  }

  static Finding untagged() {
    return new Finding(untaggedRule(), event("ev-5", T0.plusSeconds(5), "aws-internal"), null, "something",
        List.of("ev-5"));
  }

  /**
   * Findings of every kind, including two with the same rule, event and group (one suppressed, one with
   * another reason), which {@link dev.kumo.finding.FindingOrder#ORDER} ranks equal.
   */
  static List<Finding> all() {
    Finding retold = new Finding(stopLoggingRule(), stopLogging().event(), null, "told another way",
        List.of("ev-1"));
    return List.of(stopLogging(), bruteForce(), hostile(), untagged(), stopLogging().suppressed("known-admin"),
        retold);
  }

  /** {@link #all()} reversed and shuffled. */
  static List<List<Finding>> otherOrders() {
    List<Finding> reversed = new ArrayList<>(all());
    Collections.reverse(reversed);
    List<Finding> shuffled = new ArrayList<>(all());
    Collections.shuffle(shuffled, new Random(7));
    return List.of(reversed, shuffled);
  }
}
