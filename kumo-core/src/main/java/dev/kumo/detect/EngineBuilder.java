package dev.kumo.detect;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.AttackInfo;
import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.finding.FindingRule;
import dev.kumo.intel.IntelStore;
import dev.kumo.json.FieldPath;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.sigma.FilterRule;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.LoadProblem;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.sigma.compile.DetectionCompiler;
import dev.kumo.sigma.compile.RuleSyntaxException;
import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.Not;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link DetectionEngine} from loaded rules: routes each detection rule to the log sources
 * whose mapping accepts its logsource, compiles it with that source's field names, applies filters,
 * resolves correlation references and builds the rule index.
 */
public final class EngineBuilder {
  /** Tag prefix for Kumo's threat categories, e.g. {@code kumo.threat.ransomware}. */
  public static final String THREAT_TAG = "kumo.threat.";
  /** How many of a rule's {@code fields} a finding's reason quotes. */
  static final int MAX_SHOWN_FIELDS = 4;

  private final List<SourceMapping> mappings;
  private final CompileOptions options;
  private final AttackCatalog catalog;
  private final boolean experimentalAlerts;
  private final IntelStore iocs;

  public EngineBuilder(List<SourceMapping> mappings, CompileOptions options, AttackCatalog catalog) {
    this(mappings, options, catalog, false, IntelStore.empty());
  }

  private EngineBuilder(List<SourceMapping> mappings, CompileOptions options, AttackCatalog catalog,
      boolean experimentalAlerts, IntelStore iocs) {
    this.mappings = List.copyOf(mappings);
    this.options = options;
    this.catalog = catalog;
    this.experimentalAlerts = experimentalAlerts;
    this.iocs = iocs;
  }

  /** The bundled mappings and catalog. */
  public static EngineBuilder defaults(CompileOptions options) {
    return new EngineBuilder(SourceMappings.bundled(), options, AttackCatalog.bundled());
  }

  /**
   * @param unrouted detection rules whose logsource no mapping accepts (loaded, never evaluated)
   */
  public record Result(DetectionEngine engine, List<LoadProblem> problems, List<DetectionRule> unrouted) {}

  /**
   * Whether rules and detectors with status {@code experimental} raise findings (true) or only run
   * dry (false, the default): they are evaluated and counted, but report nothing.
   */
  public EngineBuilder experimentalAlerts(boolean alert) {
    return new EngineBuilder(mappings, options, catalog, alert, iocs);
  }

  /** The indicators whose hits the engine adds to every finding's event (see {@link DetectionEngine#summarize}). */
  public EngineBuilder intel(IntelStore store) {
    return new EngineBuilder(mappings, options, catalog, experimentalAlerts, store);
  }

  public Result build(List<SigmaRule> rules) {
    return build(rules, List.of());
  }

  /** Builds the engine from Sigma rules and Java detectors. */
  public Result build(List<SigmaRule> rules, List<Detector> detectors) {
    List<LoadProblem> problems = new ArrayList<>();
    List<DetectionRule> detections = new ArrayList<>();
    List<CorrelationRule> correlationRules = new ArrayList<>();
    List<FilterRule> filters = new ArrayList<>();
    for (SigmaRule r : rules) {
      if (r instanceof DetectionRule d) {
        detections.add(d);
      } else if (r instanceof CorrelationRule c) {
        correlationRules.add(c);
      } else if (r instanceof FilterRule f) {
        filters.add(f);
      }
    }
    warnDuplicateIds(rules, problems);

    List<CorrelationRule> correlationsOk = resolveCorrelations(correlationRules, detections, problems);
    Map<DetectionRule, Boolean> consumed = new java.util.IdentityHashMap<>();
    for (CorrelationRule c : correlationsOk) {
      for (String ref : c.rules()) {
        for (DetectionRule d : detections) {
          if (d.meta().isReferencedBy(ref)) {
            consumed.merge(d, c.generate(), Boolean::logicalOr);
          }
        }
      }
    }
    for (FilterRule f : filters) {
      for (String ref : f.rules()) {
        if (detections.stream().noneMatch(d -> d.meta().isReferencedBy(ref))) {
          problems.add(warning(f, "filter names rule '" + ref + "', which is not loaded"));
        }
      }
    }

    List<CompiledRule> compiled = new ArrayList<>();
    Map<String, List<CompiledRule>> bySource = new LinkedHashMap<>();
    Map<DetectionRule, List<CompiledRule>> instances = new java.util.IdentityHashMap<>();
    List<DetectionRule> unrouted = new ArrayList<>();
    for (DetectionRule d : detections) {
      boolean routed = false;
      for (SourceMapping m : mappings) {
        if (!m.applies(d.logsource())) {
          continue;
        }
        routed = true;
        try {
          Condition cond = compileFor(d, m, filters);
          AttackInfo attack = catalog.fromTags(d.meta().tags());
          boolean emits = !consumed.containsKey(d) || consumed.get(d);
          List<String> threats = threats(d.meta().tags());
          CompiledRule cr = new CompiledRule(compiled.size(), d.meta(), m.sourceId(), cond, attack, threats, emits,
              isDryRun(d.meta()), List.of(), FindingRule.of(d.meta(), attack, threats),
              d.meta().fields().stream().limit(MAX_SHOWN_FIELDS).map(m::path).toList());
          compiled.add(cr);
          instances.computeIfAbsent(d, k -> new ArrayList<>()).add(cr);
        } catch (RuleSyntaxException e) {
          problems.add(new LoadProblem(d.meta().origin().file(), e.line(), LoadProblem.Severity.ERROR, d.meta().key(),
              "cannot compile for " + m.sourceId() + ": " + e.getMessage()));
        }
      }
      if (!routed) {
        unrouted.add(d);
      }
    }

    // correlations: definitions, then feeds from detection rules and from other correlations
    List<CorrelationDef> defs = new ArrayList<>();
    Map<Integer, List<CorrelationFeed>> ruleFeeds = new HashMap<>();
    Map<Integer, List<CorrelationFeed>> corrParents = new HashMap<>();
    Map<CorrelationRule, Boolean> corrConsumed = new java.util.IdentityHashMap<>();
    for (CorrelationRule c : correlationsOk) {
      for (String ref : c.rules()) {
        for (CorrelationRule other : correlationsOk) {
          if (other.meta().isReferencedBy(ref)) {
            corrConsumed.merge(other, c.generate(), Boolean::logicalOr);
          }
        }
      }
    }
    for (int ci = 0; ci < correlationsOk.size(); ci++) {
      CorrelationRule c = correlationsOk.get(ci);
      for (int mi = 0; mi < c.rules().size(); mi++) {
        String ref = c.rules().get(mi);
        for (DetectionRule d : detections) {
          if (!d.meta().isReferencedBy(ref)) {
            continue;
          }
          for (CompiledRule cr : instances.getOrDefault(d, List.of())) {
            SourceMapping m = mapping(cr.sourceId());
            List<FieldPath> group = new ArrayList<>();
            for (String g : c.groupBy()) {
              group.add(m.path(aliasFor(c, g, d)));
            }
            FieldPath value = c.valueField() == null ? null : m.path(aliasFor(c, c.valueField(), d));
            ruleFeeds.computeIfAbsent(cr.index(), k -> new ArrayList<>()).add(new CorrelationFeed(ci, mi, group, value));
          }
        }
        for (int oi = 0; oi < correlationsOk.size(); oi++) {
          if (correlationsOk.get(oi).meta().isReferencedBy(ref)) {
            List<FieldPath> group = c.groupBy().stream().map(FieldPath::of).toList();
            corrParents.computeIfAbsent(oi, k -> new ArrayList<>()).add(new CorrelationFeed(ci, mi, group, null));
          }
        }
      }
    }
    for (int ci = 0; ci < correlationsOk.size(); ci++) {
      CorrelationRule c = correlationsOk.get(ci);
      boolean emits = !corrConsumed.containsKey(c) || corrConsumed.get(c);
      AttackInfo attack = catalog.fromTags(c.meta().tags());
      List<String> threats = threats(c.meta().tags());
      defs.add(new CorrelationDef(ci, c, attack, threats, emits, isDryRun(c.meta()), corrParents.getOrDefault(ci, List.of()),
          FindingRule.of(c.meta(), attack, threats)));
    }
    List<CompiledRule> finalRules = new ArrayList<>(compiled.size());
    for (CompiledRule cr : compiled) {
      CompiledRule withFeeds = cr.withFeeds(ruleFeeds.getOrDefault(cr.index(), List.of()));
      finalRules.add(withFeeds);
      bySource.computeIfAbsent(cr.sourceId(), k -> new ArrayList<>()).add(withFeeds);
    }
    Map<String, SourceRules> indexed = new HashMap<>();
    bySource.forEach((source, list) -> {
      List<FieldPath> indexFields = mapping(source).index().stream().map(f -> mapping(source).path(f)).toList();
      indexed.put(source, new SourceRules(indexFields, list));
    });
    List<DetectorBinding> bindings = new ArrayList<>();
    for (Detector d : detectors) {
      bindings.add(bind(bindings.size(), d));
    }
    return new Result(new DetectionEngine(finalRules, indexed, defs, bindings, iocs), problems, unrouted);
  }

  private DetectorBinding bind(int index, Detector d) {
    RuleMeta m = d.meta();
    AttackInfo attack = catalog.fromTags(m.tags());
    List<String> threats = threats(m.tags());
    FindingRule base = FindingRule.of(m, attack, threats);
    Map<Level, FindingRule> byLevel = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      byLevel.put(level, level == base.level() ? base : new FindingRule(level, base.id(), base.name(), base.title(),
          base.author(), base.license(), base.source(), base.techniques(), base.tactics(), base.threats()));
    }
    return new DetectorBinding(index, d, byLevel, isDryRun(m));
  }

  /** Whether a rule with this metadata runs without alerting. */
  boolean isDryRun(RuleMeta m) {
    return !experimentalAlerts && "experimental".equalsIgnoreCase(m.status());
  }

  private Condition compileFor(DetectionRule d, SourceMapping m, List<FilterRule> filters) {
    DetectionCompiler compiler = new DetectionCompiler(options.withFieldMapper(m::map, m.ignoreCase()));
    boolean asWritten = m.fields().isEmpty() && !m.ignoreCase();
    Condition cond = asWritten ? d.condition() : compiler.compile(d.detection());
    List<Condition> parts = new ArrayList<>();
    parts.add(cond);
    for (FilterRule f : filters) {
      boolean names = f.rules().stream().anyMatch(ref -> d.meta().isReferencedBy(ref));
      if (names && f.logsource().isSatisfiedBy(d.logsource())) {
        parts.add(new Not(asWritten ? f.condition() : compiler.compile(f.filter())));
      }
    }
    return parts.size() == 1 ? cond : new AllOf(parts);
  }

  private SourceMapping mapping(String sourceId) {
    for (SourceMapping m : mappings) {
      if (m.sourceId().equals(sourceId)) {
        return m;
      }
    }
    throw new IllegalStateException("no mapping for " + sourceId);
  }

  /** The field a correlation's group-by entry means for one referenced rule (aliases resolved). */
  private static String aliasFor(CorrelationRule c, String field, DetectionRule d) {
    Map<String, String> alias = c.aliases().get(field);
    if (alias == null) {
      return field;
    }
    for (Map.Entry<String, String> e : alias.entrySet()) {
      if (d.meta().isReferencedBy(e.getKey())) {
        return e.getValue();
      }
    }
    return field;
  }

  private List<CorrelationRule> resolveCorrelations(List<CorrelationRule> corrs, List<DetectionRule> detections,
      List<LoadProblem> problems) {
    List<CorrelationRule> ok = new ArrayList<>();
    for (CorrelationRule c : corrs) {
      boolean good = true;
      for (String ref : c.rules()) {
        boolean known = detections.stream().anyMatch(d -> d.meta().isReferencedBy(ref))
            || corrs.stream().anyMatch(o -> o != c && o.meta().isReferencedBy(ref));
        if (!known) {
          problems.add(new LoadProblem(c.meta().origin().file(), c.meta().origin().line(), LoadProblem.Severity.ERROR,
              c.meta().key(), "correlation refers to rule '" + ref + "', which is not loaded"));
          good = false;
        }
      }
      for (String g : c.groupBy()) {
        Map<String, String> alias = c.aliases().get(g);
        if (alias != null) {
          for (String ref : c.rules()) {
            if (alias.keySet().stream().noneMatch(k -> k.equals(ref))
                && detections.stream().anyMatch(d -> d.meta().isReferencedBy(ref))) {
              problems.add(warning(c, "alias '" + g + "' does not say which field to use for rule '" + ref
                  + "'; the field '" + g + "' is used"));
            }
          }
        }
      }
      if (good && hasCycle(c, corrs, new HashSet<>())) {
        problems.add(new LoadProblem(c.meta().origin().file(), c.meta().origin().line(), LoadProblem.Severity.ERROR,
            c.meta().key(), "correlation refers to itself through other correlations"));
        good = false;
      }
      if (good) {
        ok.add(c);
      }
    }
    return ok;
  }

  private static boolean hasCycle(CorrelationRule c, List<CorrelationRule> all, Set<CorrelationRule> path) {
    if (!path.add(c)) {
      return true;
    }
    for (String ref : c.rules()) {
      for (CorrelationRule o : all) {
        if (o.meta().isReferencedBy(ref) && hasCycle(o, all, path)) {
          return true;
        }
      }
    }
    path.remove(c);
    return false;
  }

  private static void warnDuplicateIds(List<SigmaRule> rules, List<LoadProblem> problems) {
    Map<String, SigmaRule> seen = new HashMap<>();
    for (SigmaRule r : rules) {
      String id = r.meta().id();
      if (id == null) {
        continue;
      }
      SigmaRule first = seen.putIfAbsent(id, r);
      if (first != null) {
        problems.add(warning(r, "rule id " + id + " is also used by " + first.meta().origin()));
      }
    }
  }

  private static LoadProblem warning(SigmaRule r, String message) {
    return new LoadProblem(r.meta().origin().file(), r.meta().origin().line(), LoadProblem.Severity.WARNING,
        r.meta().key(), message);
  }

  static List<String> threats(List<String> tags) {
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.startsWith(THREAT_TAG)) {
        out.add(lower.substring(THREAT_TAG.length()));
      }
    }
    return out;
  }
}
