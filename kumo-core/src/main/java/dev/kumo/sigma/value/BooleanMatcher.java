package dev.kumo.sigma.value;

/** A YAML boolean rule value: matches JSON booleans and the strings "true"/"false" in any case. */
public record BooleanMatcher(boolean value) implements ValueMatcher {
  @Override
  public boolean test(Object leaf) {
    if (leaf instanceof Boolean b) {
      return b == value;
    }
    return leaf instanceof String s && s.equalsIgnoreCase(value ? "true" : "false");
  }

  @Override
  public String describe() {
    return "is " + value;
  }
}
