package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2), 3,
      new SecureRandom());

  @Test
  void start_givesRandom256BitIdAndCsrfToken() {
    Session s = sessions.start("alice", Role.ANALYST, null);

    assertThat(Base64.getUrlDecoder().decode(s.id())).hasSize(32);
    assertThat(Base64.getUrlDecoder().decode(s.csrfToken())).hasSize(32);
    assertThat(s.id()).isNotEqualTo(s.csrfToken());
    assertThat(sessions.touch(s.id())).contains(s);
  }

  @Test
  void touch_afterIdleTimeout_endsTheSession() {
    Session s = sessions.start("alice", Role.VIEWER, null);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.touch(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.touch(s.id())).isPresent();

    clock.advance(Duration.ofMinutes(30));

    assertThat(sessions.touch(s.id())).isEmpty();
  }

  @Test
  void touch_pastAbsoluteTimeout_endsABusySession() {
    Session s = sessions.start("alice", Role.VIEWER, null);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(sessions.touch(s.id())).isPresent();
    }

    clock.advance(Duration.ofMinutes(20));

    assertThat(sessions.touch(s.id())).isEmpty();
  }

  @Test
  void start_withPreviousSession_rotatesIt() {
    Session old = sessions.start("alice", Role.VIEWER, null);

    Session fresh = sessions.start("alice", Role.VIEWER, old.id());

    assertThat(fresh.id()).isNotEqualTo(old.id());
    assertThat(sessions.touch(old.id())).isEmpty();
    assertThat(sessions.touch(fresh.id())).isPresent();
  }

  @Test
  void end_logsOut() {
    Session s = sessions.start("alice", Role.VIEWER, null);

    sessions.end(s.id());

    assertThat(sessions.touch(s.id())).isEmpty();
  }

  @Test
  void start_beyondMax_dropsLeastRecentlyUsed() {
    Session a = sessions.start("a", Role.VIEWER, null);
    clock.advance(Duration.ofSeconds(1));
    Session b = sessions.start("b", Role.VIEWER, null);
    clock.advance(Duration.ofSeconds(1));
    Session c = sessions.start("c", Role.VIEWER, null);
    clock.advance(Duration.ofSeconds(1));
    sessions.touch(a.id());

    sessions.start("d", Role.VIEWER, null);

    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.touch(b.id())).isEmpty();
    assertThat(sessions.touch(a.id())).isPresent();
    assertThat(sessions.touch(c.id())).isPresent();
  }

  @Test
  void csrfMatches_onlyTheSessionsToken() {
    Session s = sessions.start("alice", Role.ANALYST, null);

    assertThat(Sessions.csrfMatches(s, s.csrfToken())).isTrue();
    assertThat(Sessions.csrfMatches(s, null)).isFalse();
    assertThat(Sessions.csrfMatches(s, "")).isFalse();
    assertThat(Sessions.csrfMatches(s, s.csrfToken().substring(1))).isFalse();
    assertThat(Sessions.csrfMatches(s, sessions.start("bob", Role.ANALYST, null).csrfToken())).isFalse();
  }

  @Test
  void touch_unknownOrMissingId_isEmpty() {
    assertThat(sessions.touch(null)).isEmpty();
    assertThat(sessions.touch("")).isEmpty();
    assertThat(sessions.touch("nope")).isEmpty();
  }
}
