package dev.kumo.detect;

import dev.kumo.json.FieldPath;
import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.AnyOf;
import dev.kumo.sigma.condition.AtLeast;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.FieldTest;
import dev.kumo.sigma.condition.Search;
import dev.kumo.sigma.value.AnyValueMatcher;
import dev.kumo.sigma.value.CaseFold;
import dev.kumo.sigma.value.StringMatcher;
import dev.kumo.sigma.value.ValueMatcher;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Works out which exact values of a field a condition requires, for the rule index. */
final class IndexAnalysis {
  private IndexAnalysis() {}

  /**
   * The folded values one of which {@code field} must equal for {@code c} to match, or null when the
   * condition does not require that (then the rule must be tested on every event).
   */
  static @Nullable Set<String> requiredValues(Condition c, FieldPath field) {
    if (c instanceof Search s) {
      return requiredValues(s.body(), field);
    }
    if (c instanceof FieldTest t) {
      return t.field().equals(field) ? exactValues(t.matcher()) : null;
    }
    if (c instanceof AllOf a) {
      Set<String> best = null;
      for (Condition item : a.items()) {
        Set<String> v = requiredValues(item, field);
        if (v != null && (best == null || v.size() < best.size())) {
          best = v;
        }
      }
      return best;
    }
    if (c instanceof AnyOf o) {
      return union(o.items(), field);
    }
    if (c instanceof AtLeast a) {
      return union(a.items(), field);
    }
    return null;
  }

  private static @Nullable Set<String> union(java.util.List<Condition> items, FieldPath field) {
    Set<String> all = new HashSet<>();
    for (Condition item : items) {
      Set<String> v = requiredValues(item, field);
      if (v == null) {
        return null;
      }
      all.addAll(v);
    }
    return all;
  }

  private static @Nullable Set<String> exactValues(ValueMatcher m) {
    if (m instanceof StringMatcher s) {
      return s.shape() == StringMatcher.Shape.EXACT ? Set.of(CaseFold.fold(s.exactKey())) : null;
    }
    if (m instanceof AnyValueMatcher any) {
      Set<String> out = new HashSet<>();
      for (ValueMatcher alt : any.alternatives()) {
        Set<String> v = exactValues(alt);
        if (v == null) {
          return null;
        }
        out.addAll(v);
      }
      return out;
    }
    return null;
  }
}
