package dev.kumo.sigma.condition;

import dev.kumo.json.JsonObject;
import java.io.Serializable;

/** A compiled detection condition. Immutable, thread-safe and serializable. */
public sealed interface Condition extends Serializable
    permits AllOf, AnyOf, Not, AtLeast, Search, FieldTest, FieldExists, FieldIsNull, FieldRefTest,
        KeywordTest, Constant {

  /** Whether {@code record} satisfies this condition. */
  boolean matches(JsonObject record);
}
