package dev.kumo.detector.billing;

import java.util.Arrays;

/**
 * Robust statistics of a series' earlier daily costs: median, median absolute deviation (scaled by
 * 1.4826 to estimate a standard deviation), maximum, and on how many days there was any cost.
 *
 * @param days how many days the baseline covers
 * @param median the median daily cost
 * @param mad the scaled median absolute deviation
 * @param max the highest daily cost
 * @param daysWithCost days with a cost above 0
 */
record Baseline(int days, double median, double mad, double max, int daysWithCost) {
  /** Scales a median absolute deviation to a standard deviation for normally distributed data. */
  static final double MAD_SCALE = 1.4826;

  /** The baseline of the first {@code n} values (which it reorders). */
  static Baseline of(double[] values, int n) {
    if (n == 0) {
      return new Baseline(0, 0, 0, 0, 0);
    }
    Arrays.sort(values, 0, n);
    double median = median(values, n);
    int withCost = 0;
    for (int i = 0; i < n; i++) {
      withCost += values[i] > 0 ? 1 : 0;
    }
    double max = values[n - 1];
    for (int i = 0; i < n; i++) {
      values[i] = Math.abs(values[i] - median);
    }
    Arrays.sort(values, 0, n);
    return new Baseline(n, median, MAD_SCALE * median(values, n), max, withCost);
  }

  private static double median(double[] sorted, int n) {
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
