package dev.kumo.simulate.engine;

import java.util.List;
import java.util.SplittableRandom;

/** Random choices from lists and weighted tables. */
public final class Pick {
  private Pick() {}

  public static <T> T one(List<T> items, SplittableRandom r) {
    return items.get(r.nextInt(items.size()));
  }

  @SafeVarargs
  public static <T> T one(SplittableRandom r, T... items) {
    return items[r.nextInt(items.length)];
  }

  /** True with probability {@code p}. */
  public static boolean chance(double p, SplittableRandom r) {
    return r.nextDouble() < p;
  }

  /** An integer in {@code [min, max]}. */
  public static int between(int min, int max, SplittableRandom r) {
    return min + r.nextInt(max - min + 1);
  }

  /** A table of items with weights; chooses in proportion to the weights. Immutable. */
  public static final class Weighted<T> {
    private final List<T> items;
    private final double[] cumulative;

    public Weighted(List<T> items, double[] weights) {
      if (items.size() != weights.length || items.isEmpty()) {
        throw new IllegalArgumentException("items and weights differ in size or are empty");
      }
      this.items = List.copyOf(items);
      this.cumulative = new double[weights.length];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        cumulative[i] = sum;
      }
    }

    public T pick(SplittableRandom r) {
      double x = r.nextDouble() * cumulative[cumulative.length - 1];
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return items.get(lo);
    }
  }
}
