package dev.kumo.serve.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of matching items.
 *
 * @param total how many items match
 * @param offset matching items skipped before this page
 * @param items at most the limit, in the source's order
 */
public record Page<T>(int total, int offset, List<T> items) {
  public Page {
    items = List.copyOf(items);
  }

  /** The page of {@code all} matching {@code filter}: {@code limit} items after skipping {@code offset}. */
  public static <T> Page<T> of(List<T> all, Predicate<? super T> filter, int limit, int offset) {
    List<T> items = new ArrayList<>(Math.min(limit, 1024));
    int total = 0;
    for (T t : all) {
      if (filter.test(t)) {
        if (total >= offset && items.size() < limit) {
          items.add(t);
        }
        total++;
      }
    }
    return new Page<>(total, offset, items);
  }

  /** True when matching items follow this page. */
  public boolean hasMore() {
    return offset + items.size() < total;
  }
}
