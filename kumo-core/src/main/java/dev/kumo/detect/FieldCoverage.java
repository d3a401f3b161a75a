package dev.kumo.detect;

import dev.kumo.json.FieldPath;
import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.AnyOf;
import dev.kumo.sigma.condition.AtLeast;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.FieldExists;
import dev.kumo.sigma.condition.FieldIsNull;
import dev.kumo.sigma.condition.FieldRefTest;
import dev.kumo.sigma.condition.FieldTest;
import dev.kumo.sigma.condition.Not;
import dev.kumo.sigma.condition.Search;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which fields of compiled rules their log source can actually provide: every field a rule tests is
 * checked against the source's {@code known-fields}; fields outside it are unresolved unless the
 * mapping explains them as never present.
 */
public final class FieldCoverage {
  private FieldCoverage() {}

  /**
   * A rule field the source does not provide.
   *
   * @param reason the mapping's explanation when it says the field is never present, else null
   */
  public record Gap(String sourceId, String ruleKey, String ruleFile, String field, @Nullable String reason) {
    public boolean explained() {
      return reason != null;
    }
  }

  /** Every gap, per source id (sorted), for the rules of {@code engine}. */
  public static Map<String, List<Gap>> gaps(DetectionEngine engine, List<SourceMapping> mappings) {
    Map<String, List<Gap>> out = new TreeMap<>();
    for (CompiledRule r : engine.rules()) {
      SourceMapping m = mappings.stream().filter(x -> x.sourceId().equals(r.sourceId())).findFirst().orElse(null);
      if (m == null) {
        continue;
      }
      for (String field : fields(r.condition())) {
        if (!m.isKnown(field)) {
          out.computeIfAbsent(r.sourceId(), k -> new ArrayList<>())
              .add(new Gap(r.sourceId(), r.meta().key(), r.meta().origin().toString(), field,
                  m.neverPresentReason(field)));
        }
      }
    }
    return out;
  }

  /** The record paths a condition tests, sorted. */
  public static Set<String> fields(Condition c) {
    Set<String> out = new TreeSet<>();
    collect(c, out);
    return out;
  }

  private static void collect(Condition c, Set<String> out) {
    if (c instanceof Search s) {
      collect(s.body(), out);
    } else if (c instanceof AllOf a) {
      a.items().forEach(i -> collect(i, out));
    } else if (c instanceof AnyOf a) {
      a.items().forEach(i -> collect(i, out));
    } else if (c instanceof AtLeast a) {
      a.items().forEach(i -> collect(i, out));
    } else if (c instanceof Not n) {
      collect(n.item(), out);
    } else if (c instanceof FieldTest t) {
      out.add(name(t.field()));
    } else if (c instanceof FieldExists e) {
      out.add(name(e.field()));
    } else if (c instanceof FieldIsNull n) {
      out.add(name(n.field()));
    } else if (c instanceof FieldRefTest r) {
      out.add(name(r.field()));
      out.add(name(r.other()));
    }
  }

  private static String name(FieldPath p) {
    return p.name();
  }
}
