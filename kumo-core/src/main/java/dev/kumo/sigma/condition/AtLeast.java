package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;
import java.util.List;

/** {@code N of pattern} for 1 &lt; N &lt; number of matched searches: at least {@code n} items match. */
public record AtLeast(int n, List<Condition> items) implements Condition {
  public AtLeast {
    items = List.copyOf(items);
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
  }

  @Override
  public boolean matches(JsonObject record) {
    int hits = 0;
    int left = items.size();
    for (Condition c : items) {
      if (c.matches(record) && ++hits >= n) {
        return true;
      }
      if (hits + --left < n) {
        return false;
      }
    }
    return false;
  }
}
