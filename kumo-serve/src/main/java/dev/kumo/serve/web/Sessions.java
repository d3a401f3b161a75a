package dev.kumo.serve.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The live console sessions, in memory (a restart logs everyone out). A session ends after {@code idle} without a
 * request, {@code absolute} after login, or at logout; beyond {@code max} live sessions the least recently used one
 * is dropped. Thread-safe.
 */
public final class Sessions {
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;
  private final int max;
  private final SecureRandom random;

  public Sessions(Clock clock, Duration idle, Duration absolute, int max, SecureRandom random) {
    this.clock = clock;
    this.idle = idle;
    this.absolute = absolute;
    this.max = max;
    this.random = random;
  }

  /** Starts a session with fresh id and CSRF token; the old session {@code previous}, if any, ends (rotation). */
  public Session start(String user, Role role, @Nullable String previous) {
    if (previous != null) {
      end(previous);
    }
    Instant now = clock.instant();
    if (byId.size() >= max) {
      byId.values().removeIf(s -> expired(s, now));
      while (byId.size() >= max) {
        byId.values().stream().min(Comparator.comparing(Session::lastSeen)).ifPresent(s -> byId.remove(s.id()));
      }
    }
    Session s = new Session(token(), token(), user, role, now, now);
    byId.put(s.id(), s);
    return s;
  }

  /** The live session with cookie value {@code id}, touched now; empty (and dropped) when expired or unknown. */
  public Optional<Session> touch(@Nullable String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      byId.remove(id, s);
      return Optional.empty();
    }
    Session seen = s.seen(now);
    byId.replace(id, s, seen);
    return Optional.of(seen);
  }

  /** Ends the session (logout); unknown ids are ignored. */
  public void end(String id) {
    byId.remove(id);
  }

  /** How many sessions are held (live or not yet swept). */
  public int size() {
    return byId.size();
  }

  /** Whether {@code given} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session s, @Nullable String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(s.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(absolute));
  }

  /** 256 random bits, URL-safe Base64 without padding. */
  String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
