package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final LoginLimiter limiter = new LoginLimiter(clock, 5, Duration.ofMinutes(5));

  @Test
  void allowed_afterFiveFailuresForAUser_isFalse_fromAnyAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.allowed("alice", "10.0.0." + i)).isTrue();
      limiter.failed("alice", "10.0.0." + i);
    }

    assertThat(limiter.allowed("alice", "10.0.0.99")).isFalse();
    assertThat(limiter.allowed("bob", "10.0.0.99")).isTrue();
  }

  @Test
  void allowed_afterFiveFailuresFromAnAddress_isFalse_forAnyUser() {
    for (int i = 0; i < 5; i++) {
      limiter.failed("user" + i, "192.0.2.1");
    }

    assertThat(limiter.allowed("someone-else", "192.0.2.1")).isFalse();
    assertThat(limiter.allowed("someone-else", "192.0.2.2")).isTrue();
  }

  @Test
  void allowed_onceFailuresLeaveTheWindow_isTrueAgain() {
    for (int i = 0; i < 5; i++) {
      limiter.failed("alice", "192.0.2.1");
      clock.advance(Duration.ofSeconds(30));
    }
    assertThat(limiter.allowed("alice", "192.0.2.1")).isFalse();

    clock.advance(Duration.ofMinutes(3));

    assertThat(limiter.allowed("alice", "192.0.2.1")).isTrue();
  }

  @Test
  void succeeded_forgetsTheUsersFailures_notTheAddresses() {
    for (int i = 0; i < 4; i++) {
      limiter.failed("alice", "192.0.2.1");
    }
    limiter.succeeded("alice");
    limiter.failed("alice", "192.0.2.9");

    assertThat(limiter.allowed("alice", "192.0.2.9")).isTrue();
    limiter.failed("bob", "192.0.2.1");
    assertThat(limiter.allowed("carol", "192.0.2.1")).isFalse();
  }
}
