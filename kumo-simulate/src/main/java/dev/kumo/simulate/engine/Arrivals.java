package dev.kumo.simulate.engine;

import java.util.SplittableRandom;

/**
 * Times of a Poisson process whose rate follows a weight between 0 and 1 (thinning): candidates
 * arrive at the peak rate and each is kept with the probability of the weight at its time.
 */
public final class Arrivals {
  /** Rate weight at a time, between 0 and 1. */
  @FunctionalInterface
  public interface Weight {
    double at(long time);
  }

  private static final double HOUR = 3_600_000d;

  private Arrivals() {}

  /**
   * The next arrival after {@code now} for a process of {@code peakPerHour} arrivals an hour at
   * weight 1, or {@link Long#MAX_VALUE} when the rate is zero.
   */
  public static long next(long now, double peakPerHour, Weight weight, SplittableRandom random) {
    if (peakPerHour <= 0) {
      return Long.MAX_VALUE;
    }
    long t = now;
    for (int i = 0; i < 1_000_000; i++) {
      t += Math.max(1L, (long) (exponential(random) * HOUR / peakPerHour));
      if (random.nextDouble() < weight.at(t)) {
        return t;
      }
    }
    return Long.MAX_VALUE;
  }

  /** An exponential variate of mean 1. */
  public static double exponential(SplittableRandom random) {
    return -Math.log(1.0 - random.nextDouble());
  }

  /** A duration around {@code meanMillis}, exponentially spread, at least 1 ms. */
  public static long gap(double meanMillis, SplittableRandom random) {
    return Math.max(1L, (long) (exponential(random) * meanMillis));
  }
}
