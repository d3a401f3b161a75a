package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;

/** A condition with a fixed result (used for empty selections). */
public record Constant(boolean value) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return value;
  }
}
