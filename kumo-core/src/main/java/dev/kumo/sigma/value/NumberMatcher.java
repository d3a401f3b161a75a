package dev.kumo.sigma.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A numeric rule value: equality (a plain number in the rule) or the {@code gt/gte/lt/lte}
 * modifiers. Event values may be JSON numbers or strings holding a number; anything else never
 * matches.
 */
public record NumberMatcher(Op op, BigDecimal value) implements ValueMatcher {
  /** The comparison. */
  public enum Op {
    EQ("=="),
    GT(">"),
    GTE(">="),
    LT("<"),
    LTE("<=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  @Override
  public boolean test(Object leaf) {
    BigDecimal v = toNumber(leaf);
    if (v == null) {
      return false;
    }
    int c = v.compareTo(value);
    return switch (op) {
      case EQ -> c == 0;
      case GT -> c > 0;
      case GTE -> c >= 0;
      case LT -> c < 0;
      case LTE -> c <= 0;
    };
  }

  /** The numeric value of a leaf, or null when it is not a number or numeric string. */
  public static @Nullable BigDecimal toNumber(Object leaf) {
    if (leaf instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (leaf instanceof BigDecimal d) {
      return d;
    }
    if (leaf instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (leaf instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (leaf instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      return BigDecimal.valueOf(d);
    }
    if (leaf instanceof String s) {
      return parse(s.trim());
    }
    return null;
  }

  private static @Nullable BigDecimal parse(String s) {
    int n = s.length();
    if (n == 0 || n > 100) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String describe() {
    return op == Op.EQ ? "equals " + value : op.symbol() + " " + value;
  }
}
