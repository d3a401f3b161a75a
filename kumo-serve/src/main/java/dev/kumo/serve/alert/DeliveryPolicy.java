package dev.kumo.serve.alert;

import dev.kumo.sigma.Level;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one output filters and delivers alerts.
 *
 * @param minLevel findings below this level are not sent
 * @param dedupWindow alerts with the same rule, actor and resources within this window after the first are sent
 *     once (zero: no deduplication)
 * @param rateLimit the most alerts sent, or null for no limit
 * @param maxAttempts delivery attempts per alert, at least 1
 * @param initialBackoff wait before the first retry; doubled per retry, with jitter
 * @param maxBackoff longest wait between attempts
 * @param timeout bound on one attempt
 * @param queueSize alerts waiting for delivery; more are dropped and counted
 */
public record DeliveryPolicy(Level minLevel, Duration dedupWindow, @Nullable RateLimit rateLimit, int maxAttempts,
    Duration initialBackoff, Duration maxBackoff, Duration timeout, int queueSize) {

  /** Defaults: medium, 10 minutes, 60/min, 5 attempts, 1 s doubling to 1 min, 10 s per attempt, queue of 1000. */
  public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(Level.MEDIUM, Duration.ofMinutes(10),
      new RateLimit(60, Duration.ofMinutes(1)), 5, Duration.ofSeconds(1), Duration.ofMinutes(1),
      Duration.ofSeconds(10), 1000);

  public DeliveryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (queueSize < 1) {
      throw new IllegalArgumentException("queueSize must be at least 1, got " + queueSize);
    }
    if (dedupWindow.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative() || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException("durations must not be negative; the timeout must be positive");
    }
  }

  /** The wait before retry {@code retry} (1 for the first), before jitter: doubling, capped. */
  public Duration backoff(int retry) {
    Duration d = initialBackoff;
    for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
