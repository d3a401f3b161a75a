package dev.kumo.serve.alert;

import dev.kumo.attack.Tactic;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Findings and a settable clock for the alert tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");
  static final String HOSTILE = "<!channel> @here & <https://evil.example|click> \"q\" \\ ] \u001b[31m\n"
      + "**bold** [x](http://e) <at>all</at>";

  private Fixtures() {}

  static Finding finding(Level level, String ruleId, String principal, String resource) {
    FindingRule rule = new FindingRule(level, ruleId, "rule_" + ruleId, "Title of " + ruleId, "Jane Doe (SigmaHQ)",
        "DRL-1.1", "builtin:test", List.of("T1562.008"), List.of(Tactic.DEFENSE_IMPAIRMENT), List.of());
    EventSummary e = new EventSummary("evt-1", T0, "cloudtrail", "123456789012", "eu-west-1", principal, "IAMUser",
        "AKIAEXAMPLE", "203.0.113.7", null, "aws-cli", "cloudtrail.amazonaws.com", "StopLogging", null,
        List.of(resource), "f.json", 3);
    return new Finding(rule, e, null, "StopLogging by " + principal, List.of("evt-1"));
  }

  static Finding hostile() {
    return finding(Level.CRITICAL, "r-hostile", HOSTILE, "arn:aws:s3:::" + HOSTILE);
  }

  static DeliveryPolicy policy(Level min, Duration dedup, RateLimit rate, int attempts, int queue) {
    return new DeliveryPolicy(min, dedup, rate, attempts, Duration.ofMillis(5), Duration.ofMillis(20),
        Duration.ofSeconds(20), queue);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
