package dev.kumo.sigma.condition;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;

/** A {@code null} rule value: the field is absent or holds only JSON null. */
public record FieldIsNull(FieldPath field) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return !field.anyLeaf(record, v -> v != JsonNull.INSTANCE);
  }
}
