package dev.kumo.detect;

import dev.kumo.json.FieldPath;
import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.AnyOf;
import dev.kumo.sigma.condition.AtLeast;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.Constant;
import dev.kumo.sigma.condition.FieldExists;
import dev.kumo.sigma.condition.FieldIsNull;
import dev.kumo.sigma.condition.FieldRefTest;
import dev.kumo.sigma.condition.FieldTest;
import dev.kumo.sigma.condition.KeywordTest;
import dev.kumo.sigma.condition.Not;
import dev.kumo.sigma.condition.Search;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds rules and selections that can never match, or always match, a real event of their source,
 * because they test fields the source never has (its mapping's {@code never-present} list). A test of
 * an absent field is false, {@code field|exists: false} and {@code field: null} are true; the
 * result is propagated through and/or/not/"n of".
 */
public final class Reachability {
  private Reachability() {}

  /** What a condition evaluates to on every real event of a source, when that is fixed. */
  public enum Verdict { NEVER, ALWAYS, DEPENDS }

  /**
   * A lint warning for one compiled rule.
   *
   * @param selection the selection concerned, or null for the rule as a whole
   */
  public record Warning(String sourceId, String ruleKey, String ruleTitle, String file, int line,
      @Nullable String selection, String message) {}

  /** Warnings for every rule of the engine, in rule order. */
  public static List<Warning> warnings(DetectionEngine engine, List<SourceMapping> mappings) {
    List<Warning> out = new ArrayList<>();
    for (CompiledRule r : engine.rules()) {
      SourceMapping m = mappings.stream().filter(x -> x.sourceId().equals(r.sourceId())).findFirst().orElse(null);
      if (m != null) {
        out.addAll(warnings(r, m));
      }
    }
    return out;
  }

  static List<Warning> warnings(CompiledRule r, SourceMapping m) {
    Analysis a = new Analysis(m);
    Verdict whole = a.eval(r.condition());
    List<Warning> out = new ArrayList<>();
    String file = r.meta().origin().file();
    int line = r.meta().origin().line();
    if (whole == Verdict.NEVER) {
      out.add(new Warning(r.sourceId(), r.meta().key(), r.meta().title(), file, line, null,
          "can never match an event of " + r.sourceId() + ": " + a.explain()));
    } else if (whole == Verdict.ALWAYS) {
      out.add(new Warning(r.sourceId(), r.meta().key(), r.meta().title(), file, line, null,
          "matches every event of " + r.sourceId() + ": " + a.explain()));
    } else {
      a.deadSearches.forEach((name, why) -> out.add(new Warning(r.sourceId(), r.meta().key(), r.meta().title(), file,
          line, name, "selection '" + name + "' can never match an event of " + r.sourceId() + ": " + why)));
    }
    return out;
  }

  /** One evaluation, remembering which absent fields decided it. */
  private static final class Analysis {
    private final SourceMapping mapping;
    private final Map<String, String> absentUsed = new TreeMap<>();
    final Map<String, String> deadSearches = new TreeMap<>();

    Analysis(SourceMapping mapping) {
      this.mapping = mapping;
    }

    String explain() {
      List<String> parts = new ArrayList<>();
      absentUsed.forEach((f, why) -> parts.add("field '" + f + "' never occurs (" + why + ")"));
      return String.join("; ", parts);
    }

    private @Nullable String absent(FieldPath p) {
      String why = mapping.neverPresentReason(p.name());
      if (why != null) {
        absentUsed.put(p.name(), why);
      }
      return why;
    }

    Verdict eval(Condition c) {
      if (c instanceof Search s) {
        Map<String, String> before = new TreeMap<>(absentUsed);
        Verdict v = eval(s.body());
        if (v == Verdict.NEVER) {
          List<String> why = new ArrayList<>();
          absentUsed.forEach((f, reason) -> {
            if (!before.containsKey(f)) {
              why.add("field '" + f + "' never occurs (" + reason + ")");
            }
          });
          if (!why.isEmpty()) {
            deadSearches.put(s.name(), String.join("; ", why));
          }
        }
        return v;
      }
      if (c instanceof AllOf a) {
        boolean allTrue = true;
        for (Condition i : a.items()) {
          Verdict v = eval(i);
          if (v == Verdict.NEVER) {
            return Verdict.NEVER;
          }
          allTrue &= v == Verdict.ALWAYS;
        }
        return allTrue ? Verdict.ALWAYS : Verdict.DEPENDS;
      }
      if (c instanceof AnyOf a) {
        boolean allFalse = true;
        for (Condition i : a.items()) {
          Verdict v = eval(i);
          if (v == Verdict.ALWAYS) {
            return Verdict.ALWAYS;
          }
          allFalse &= v == Verdict.NEVER;
        }
        return allFalse ? Verdict.NEVER : Verdict.DEPENDS;
      }
      if (c instanceof AtLeast a) {
        int always = 0;
        int possible = 0;
        for (Condition i : a.items()) {
          Verdict v = eval(i);
          always += v == Verdict.ALWAYS ? 1 : 0;
          possible += v != Verdict.NEVER ? 1 : 0;
        }
        return always >= a.n() ? Verdict.ALWAYS : possible < a.n() ? Verdict.NEVER : Verdict.DEPENDS;
      }
      if (c instanceof Not n) {
        Verdict v = eval(n.item());
        return v == Verdict.NEVER ? Verdict.ALWAYS : v == Verdict.ALWAYS ? Verdict.NEVER : Verdict.DEPENDS;
      }
      if (c instanceof Constant k) {
        return k.value() ? Verdict.ALWAYS : Verdict.NEVER;
      }
      if (c instanceof FieldTest t) {
        return absent(t.field()) != null ? Verdict.NEVER : Verdict.DEPENDS;
      }
      if (c instanceof FieldExists e) {
        return absent(e.field()) == null ? Verdict.DEPENDS : e.expected() ? Verdict.NEVER : Verdict.ALWAYS;
      }
      if (c instanceof FieldIsNull n) {
        return absent(n.field()) != null ? Verdict.ALWAYS : Verdict.DEPENDS;
      }
      if (c instanceof FieldRefTest r) {
        boolean gone = absent(r.field()) != null | absent(r.other()) != null;
        return gone ? Verdict.NEVER : Verdict.DEPENDS;
      }
      if (c instanceof KeywordTest) {
        return Verdict.DEPENDS;
      }
      throw new IllegalStateException("unknown condition " + c.getClass());
    }
  }
}
