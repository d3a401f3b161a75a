package dev.kumo.serve.alert;

import java.time.Duration;
import java.time.Instant;

/** A token bucket for a {@link RateLimit}: starts full, refills evenly. Not thread-safe; time is passed in. */
final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private double tokens;
  private Instant last;

  TokenBucket(RateLimit limit, Instant now) {
    this.capacity = limit.count();
    this.perNano = limit.count() / (double) limit.per().toNanos();
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token if there is one at {@code now}. */
  boolean tryTake(Instant now) {
    if (now.isAfter(last)) {
      long nanos = Duration.between(last, now).toNanos();
      tokens = Math.min(capacity, tokens + nanos * perNano);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
