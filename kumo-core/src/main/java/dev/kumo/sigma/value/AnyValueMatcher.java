package dev.kumo.sigma.value;

import java.util.List;
import java.util.stream.Collectors;

/** A list of rule values linked with OR: the leaf matches when any of them matches. */
public record AnyValueMatcher(List<ValueMatcher> alternatives) implements ValueMatcher {
  public AnyValueMatcher {
    alternatives = List.copyOf(alternatives);
  }

  @Override
  public boolean test(Object leaf) {
    for (ValueMatcher m : alternatives) {
      if (m.test(leaf)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String describe() {
    return alternatives.stream().map(ValueMatcher::describe)
        .collect(Collectors.joining(" | ", "any of [", "]"));
  }
}
