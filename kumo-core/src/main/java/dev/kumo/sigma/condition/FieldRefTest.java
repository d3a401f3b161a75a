package dev.kumo.sigma.condition;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.sigma.value.CaseFold;

/**
 * The {@code fieldref} modifier: compares a field with the value of another field of the same
 * record. False when either field is missing.
 */
public record FieldRefTest(FieldPath field, FieldPath other, Op op, boolean cased) implements Condition {
  /** How the two values are compared. */
  public enum Op {
    EQUALS,
    CONTAINS,
    STARTSWITH,
    ENDSWITH
  }

  @Override
  public boolean matches(JsonObject record) {
    return other.anyLeaf(record, ref -> ref != JsonNull.INSTANCE
        && field.anyLeaf(record, v -> v != JsonNull.INSTANCE && compare(text(v), text(ref))));
  }

  private static String text(Object v) {
    return v instanceof JsonObject o ? o.toJson() : JsonText.scalarText(v);
  }

  private boolean compare(String value, String ref) {
    String a = cased ? value : CaseFold.fold(value);
    String b = cased ? ref : CaseFold.fold(ref);
    return switch (op) {
      case EQUALS -> a.equals(b);
      case CONTAINS -> a.contains(b);
      case STARTSWITH -> a.startsWith(b);
      case ENDSWITH -> a.endsWith(b);
    };
  }
}
