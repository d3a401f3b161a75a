package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;
import java.util.List;

/** Logical OR: at least one item must match (false when empty). */
public record AnyOf(List<Condition> items) implements Condition {
  public AnyOf {
    items = List.copyOf(items);
  }

  @Override
  public boolean matches(JsonObject record) {
    for (Condition c : items) {
      if (c.matches(record)) {
        return true;
      }
    }
    return false;
  }
}
