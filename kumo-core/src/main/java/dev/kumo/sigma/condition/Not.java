package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;

/** Logical NOT. A missing field makes the inner test false, so the negation is true. */
public record Not(Condition item) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return !item.matches(record);
  }
}
