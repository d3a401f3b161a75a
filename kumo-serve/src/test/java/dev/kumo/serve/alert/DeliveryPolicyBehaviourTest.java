package dev.kumo.serve.alert;

import static dev.kumo.serve.alert.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.sigma.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPolicyBehaviourTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private AlertDispatcher dispatcher(RecordingOutput out, DeliveryPolicy p) {
    // A long sweep interval: the test sweeps by hand.
    return new AlertDispatcher(List.of(new AlertDispatcher.Route(out, p)), registry, clock, Duration.ofHours(1));
  }

  @Test
  void dedup_sameRuleActorResourceWithinWindow_sendsOneAndAFollowUpWithTheCount() {
    RecordingOutput out = new RecordingOutput();
    AlertDispatcher d = dispatcher(out, Fixtures.policy(Level.LOW, Duration.ofMinutes(10), null, 1, 100));
    try {
      d.accept(List.of(finding(Level.HIGH, "r1", "alice", "trail")));
      clock.advance(Duration.ofMinutes(1));
      d.accept(List.of(finding(Level.HIGH, "r1", "alice", "trail"), finding(Level.HIGH, "r1", "alice", "trail"),
          finding(Level.HIGH, "r1", "bob", "trail"), finding(Level.HIGH, "r2", "alice", "trail")));
      assertThat(registry.get("kumo.alerts.deduplicated").tag("output", "rec").functionCounter().count())
          .isEqualTo(2);
      clock.advance(Duration.ofMinutes(9));
      d.sweep();
    } finally {
      d.close(Duration.ofSeconds(30));
    }
    assertThat(out.sent).extracting(a -> a.kind() + " " + a.ruleId() + " " + a.principal() + " " + a.suppressed())
        .containsExactlyInAnyOrder("FINDING r1 alice 0", "FINDING r1 bob 0", "FINDING r2 alice 0",
            "REPEAT r1 alice 2");
    assertThat(d.stats().get(0).deduplicated()).isEqualTo(2);
    assertThat(d.stats().get(0).delivered()).isEqualTo(4);
    assertThat(registry.find("kumo.alerts.deduplicated").meters()).as("removed at close").isEmpty();
  }

  @Test
  void dedup_afterWindow_sendsAgain() {
    RecordingOutput out = new RecordingOutput();
    AlertDispatcher d = dispatcher(out, Fixtures.policy(Level.LOW, Duration.ofMinutes(10), null, 1, 100));
    try {
      d.accept(List.of(finding(Level.HIGH, "r1", "alice", "trail")));
      clock.advance(Duration.ofMinutes(10));
      d.accept(List.of(finding(Level.HIGH, "r1", "alice", "trail")));
    } finally {
      d.close(Duration.ofSeconds(30));
    }
    assertThat(out.sent).hasSize(2).allMatch(a -> a.kind() == Alert.Kind.FINDING);
  }

  @Test
  void minLevel_belowIsNotSent() {
    RecordingOutput out = new RecordingOutput();
    AlertDispatcher d = dispatcher(out, Fixtures.policy(Level.HIGH, Duration.ZERO, null, 1, 100));
    try {
      d.accept(List.of(finding(Level.MEDIUM, "r1", "a", "x"), finding(Level.CRITICAL, "r2", "a", "x"),
          finding(Level.HIGH, "r3", "a", "x").suppressed("mute-1")));
    } finally {
      d.close(Duration.ofSeconds(30));
    }
    assertThat(out.sent).extracting(Alert::ruleId).containsExactly("r2");
  }

  @Test
  void rateLimit_excessIsCountedAndSummarisedNotDropped() {
    RecordingOutput out = new RecordingOutput();
    AlertDispatcher d = dispatcher(out, Fixtures.policy(Level.LOW, Duration.ZERO,
        new RateLimit(3, Duration.ofMinutes(1)), 1, 100));
    try {
      for (int i = 0; i < 10; i++) {
        d.accept(List.of(finding(i == 7 ? Level.CRITICAL : Level.MEDIUM, "r" + i, "a", "x")));
      }
      d.sweep(); // no token and no period passed: no summary yet
      assertThat(d.stats().get(0).rateLimited()).isEqualTo(7);
      clock.advance(Duration.ofSeconds(20)); // one token back
      d.sweep();
    } finally {
      d.close(Duration.ofSeconds(30));
    }
    assertThat(out.sent).hasSize(4);
    Alert summary = out.sent.get(3);
    assertThat(summary.kind()).isEqualTo(Alert.Kind.RATE_LIMIT_SUMMARY);
    assertThat(summary.count()).isEqualTo(7);
    assertThat(summary.level()).isEqualTo(Level.CRITICAL);
    assertThat(d.stats().get(0).dropped()).isZero();
  }

  @Test
  void close_sendsPendingFollowUpsAndSummaries() {
    RecordingOutput out = new RecordingOutput();
    AlertDispatcher d = dispatcher(out, Fixtures.policy(Level.LOW, Duration.ofMinutes(10),
        new RateLimit(1, Duration.ofHours(1)), 1, 100));
    d.accept(List.of(finding(Level.HIGH, "r1", "a", "x"), finding(Level.HIGH, "r1", "a", "x"),
        finding(Level.HIGH, "r2", "a", "x")));
    assertThat(d.close(Duration.ofSeconds(30))).isTrue();
    // r1 sent; r1 again deduplicated; r2 rate-limited; at close the follow-up of r1 is rate-limited too and the
    // summary counts both.
    assertThat(out.sent).extracting(Alert::kind).containsExactly(Alert.Kind.FINDING, Alert.Kind.RATE_LIMIT_SUMMARY);
    assertThat(out.sent.get(1).count()).isEqualTo(2);
  }

  @Test
  void backoff_doublesAndIsCapped() {
    DeliveryPolicy p = new DeliveryPolicy(Level.LOW, Duration.ZERO, null, 5, Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(1), 1);
    assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4))).containsExactly(Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
  }
}
