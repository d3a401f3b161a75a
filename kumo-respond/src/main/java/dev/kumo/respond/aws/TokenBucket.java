package dev.kumo.respond.aws;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client-side rate limit: {@code capacity} calls at once, refilled at {@code perSecond} calls a
 * second. {@link #acquire()} blocks (through the {@link Sleeper}) until a token is free. Thread-safe.
 */
public final class TokenBucket {
  private final double perSecond;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  /**
   * @param perSecond refill rate, above zero
   * @param capacity burst size, at least one
   * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} in production)
   */
  public TokenBucket(double perSecond, int capacity, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a positive number: " + perSecond);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one token, waiting for it if none is free. */
  public void acquire() throws InterruptedException {
    Duration wait;
    synchronized (this) {
      refill();
      tokens -= 1;
      // a negative balance is a reservation: this caller owns the next token and waits for it
      wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
    }
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
    last = now;
  }
}
