package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;

/** A named search identifier from the rule's {@code detection} section, kept for explanations. */
public record Search(String name, Condition body) implements Condition {
  @Override
  public boolean matches(JsonObject record) {
    return body.matches(record);
  }
}
