package dev.kumo.sigma.condition;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;

/** The {@code exists} modifier: presence only (a field holding JSON null or '' still exists). */
public record FieldExists(FieldPath field, boolean expected) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return field.exists(record) == expected;
  }
}
