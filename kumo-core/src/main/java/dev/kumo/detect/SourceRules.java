package dev.kumo.detect;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.sigma.value.CaseFold;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rules of one log source, indexed so that an event is only tested against rules that can match
 * it: a rule requiring {@code eventName} in a set of exact values sits under those values; rules
 * with no such requirement are tested on every event. Immutable.
 */
final class SourceRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final CompiledRule[] NONE = new CompiledRule[0];

  /** One indexed field: folded value to the rules requiring it. */
  private static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CACHED = 10_000;
    private final FieldPath field;
    private final Map<String, CompiledRule[]> byValue;
    /** Raw value to bucket, so the common values are found without folding (which allocates). */
    private transient volatile java.util.concurrent.ConcurrentHashMap<String, CompiledRule[]> byRawValue;

    Part(FieldPath field, Map<String, CompiledRule[]> byValue) {
      this.field = field;
      this.byValue = byValue;
    }

    FieldPath field() {
      return field;
    }

    Map<String, CompiledRule[]> byValue() {
      return byValue;
    }

    CompiledRule[] lookup(Object value) {
      if (!(value instanceof String raw)) {
        return byValue.get(key(value));
      }
      java.util.concurrent.ConcurrentHashMap<String, CompiledRule[]> cache = byRawValue;
      if (cache == null) {
        cache = new java.util.concurrent.ConcurrentHashMap<>();
        byRawValue = cache;
      }
      CompiledRule[] hit = cache.get(raw);
      if (hit == null) {
        hit = byValue.getOrDefault(CaseFold.fold(raw), NONE);
        if (cache.size() < MAX_CACHED) {
          cache.put(raw, hit);
        }
      }
      return hit;
    }
  }

  private final Part[] parts;
  private final CompiledRule[] always;
  private final int ruleCount;

  SourceRules(List<FieldPath> indexFields, List<CompiledRule> rules) {
    Map<FieldPath, Map<String, List<CompiledRule>>> buckets = new LinkedHashMap<>();
    List<CompiledRule> unindexed = new ArrayList<>();
    for (CompiledRule r : rules) {
      boolean placed = false;
      for (FieldPath f : indexFields) {
        java.util.Set<String> values = IndexAnalysis.requiredValues(r.condition(), f);
        if (values != null && !values.isEmpty()) {
          Map<String, List<CompiledRule>> m = buckets.computeIfAbsent(f, k -> new HashMap<>());
          for (String v : values) {
            m.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
          }
          placed = true;
          break;
        }
      }
      if (!placed) {
        unindexed.add(r);
      }
    }
    List<Part> p = new ArrayList<>();
    buckets.forEach((field, m) -> {
      Map<String, CompiledRule[]> arrays = new HashMap<>();
      m.forEach((v, list) -> arrays.put(v, list.toArray(NONE)));
      p.add(new Part(field, arrays));
    });
    this.parts = p.toArray(new Part[0]);
    this.always = unindexed.toArray(NONE);
    this.ruleCount = rules.size();
  }

  /** Calls {@code action} for every rule that may match {@code raw} (a superset of the matches). */
  void candidates(JsonObject raw, Consumer<CompiledRule> action) {
    for (CompiledRule r : always) {
      action.accept(r);
    }
    for (Part part : parts) {
      Object v = part.field().simple(raw);
      if (v == null || v == JsonNull.INSTANCE) {
        continue;
      }
      if (v != FieldPath.MANY) {
        emit(part.lookup(v), action);
        continue;
      }
      // rare: the indexed field holds an array; take the union of every element's bucket
      java.util.Set<CompiledRule> union = new java.util.LinkedHashSet<>();
      part.field().forEachLeaf(raw, leaf -> {
        if (leaf != JsonNull.INSTANCE) {
          CompiledRule[] h = part.byValue().get(key(leaf));
          if (h != null) {
            union.addAll(Arrays.asList(h));
          }
        }
      });
      union.forEach(action);
    }
  }

  private static String key(Object v) {
    String text = v instanceof String s ? s : v instanceof JsonObject o ? o.toJson() : JsonText.scalarText(v);
    return CaseFold.fold(text);
  }

  private static void emit(CompiledRule[] rules, Consumer<CompiledRule> action) {
    if (rules != null) {
      for (CompiledRule r : rules) {
        action.accept(r);
      }
    }
  }

  java.util.Optional<Map.Entry<String, java.util.Set<String>>> indexKeys(CompiledRule rule) {
    for (Part part : parts) {
      java.util.Set<String> values = new java.util.TreeSet<>();
      part.byValue().forEach((v, rules) -> {
        if (Arrays.asList(rules).contains(rule)) {
          values.add(v);
        }
      });
      if (!values.isEmpty()) {
        return java.util.Optional.of(Map.entry(part.field().name(), values));
      }
    }
    return java.util.Optional.empty();
  }

  int ruleCount() {
    return ruleCount;
  }

  int unindexedCount() {
    return always.length;
  }
}
