package dev.kumo.sigma.condition;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.value.ValueMatcher;

/** A field compared with one or more values (ORed); any array element may satisfy it. */
public record FieldTest(FieldPath field, ValueMatcher matcher) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return field.anyLeaf(record, matcher);
  }
}
