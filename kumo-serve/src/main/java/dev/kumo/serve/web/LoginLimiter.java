package dev.kumo.serve.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed logins per user name and per client address in a sliding window; once either reaches the limit,
 * further attempts are refused (HTTP 429) until old failures leave the window. At most {@link #MAX_KEYS} names and
 * addresses are tracked (the least recently failed are forgotten first). Thread-safe.
 */
public final class LoginLimiter {
  static final int MAX_KEYS = 100_000;
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginLimiter(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** Whether a login for {@code user} from {@code address} may be tried now. */
  public synchronized boolean allowed(String user, String address) {
    Instant now = clock.instant();
    return count("u:" + user, now) < maxFailures && count("a:" + address, now) < maxFailures;
  }

  /** Records a failed login. */
  public synchronized void failed(String user, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent("u:" + user, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** Records a successful login: the user's failures are forgotten (the address's stay). */
  public synchronized void succeeded(String user) {
    failures.remove("u:" + user);
  }

  private int count(String key, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    Instant cutoff = now.minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(cutoff)) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    return d.size();
  }
}
