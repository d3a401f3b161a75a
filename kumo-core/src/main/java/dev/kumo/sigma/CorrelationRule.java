package dev.kumo.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Sigma correlation rule.
 *
 * @param rules ids or names of the rules (or correlations) whose matches it counts
 * @param groupBy fields (or aliases) whose values must be equal within a group
 * @param valueField the field counted, summed or averaged by the value_* types
 * @param aliases alias name to (rule id or name to field name)
 * @param generate whether the referenced rules also produce findings on their own
 */
public record CorrelationRule(
    RuleMeta meta,
    CorrelationType type,
    List<String> rules,
    List<String> groupBy,
    Duration timespan,
    List<Threshold> condition,
    @Nullable String valueField,
    @Nullable Double percentile,
    Map<String, Map<String, String>> aliases,
    boolean generate) implements SigmaRule {

  public CorrelationRule {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    condition = List.copyOf(condition);
    aliases = Map.copyOf(aliases);
  }

  @Override
  public CorrelationRule withMeta(RuleMeta m) {
    return new CorrelationRule(m, type, rules, groupBy, timespan, condition, valueField, percentile, aliases, generate);
  }

  /** The correlation types of Sigma v2.1. */
  public enum CorrelationType {
    EVENT_COUNT("event_count"),
    VALUE_COUNT("value_count"),
    TEMPORAL("temporal"),
    TEMPORAL_ORDERED("temporal_ordered"),
    VALUE_SUM("value_sum"),
    VALUE_AVG("value_avg"),
    VALUE_PERCENTILE("value_percentile");

    private final String id;

    CorrelationType(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static @Nullable CorrelationType parse(String s) {
      for (CorrelationType t : values()) {
        if (t.id.equals(s)) {
          return t;
        }
      }
      return null;
    }

    public boolean isTemporal() {
      return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }
  }

  /** One comparison of the condition; several are ANDed (a range). */
  public record Threshold(Op op, double value) implements java.io.Serializable {
    /** A comparison operator. */
    public enum Op {
      GT, GTE, LT, LTE, EQ, NEQ;

      public static @Nullable Op parse(String s) {
        for (Op o : values()) {
          if (o.name().equalsIgnoreCase(s)) {
            return o;
          }
        }
        return null;
      }
    }

    public boolean test(double v) {
      return switch (op) {
        case GT -> v > value;
        case GTE -> v >= value;
        case LT -> v < value;
        case LTE -> v <= value;
        case EQ -> v == value;
        case NEQ -> v != value;
      };
    }

    /** Whether more events can only make this comparison truer (so it can fire on arrival). */
    public boolean isMonotoneUp() {
      return op == Op.GT || op == Op.GTE;
    }

    @Override
    public String toString() {
      String v = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
      return op.name().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }
  }
}
