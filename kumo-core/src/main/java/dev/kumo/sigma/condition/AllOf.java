package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;
import java.util.List;

/** Logical AND: every item must match (true when empty). */
public record AllOf(List<Condition> items) implements Condition {
  public AllOf {
    items = List.copyOf(items);
  }

  @Override
  public boolean matches(JsonObject record) {
    for (Condition c : items) {
      if (!c.matches(record)) {
        return false;
      }
    }
    return true;
  }
}
