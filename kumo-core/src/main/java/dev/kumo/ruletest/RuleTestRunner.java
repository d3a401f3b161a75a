package dev.kumo.ruletest;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.correlate.Correlator;
import dev.kumo.detect.CompiledRule;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.Origin;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.SigmaRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs rule test cases through the real pipeline: each event is normalized by its log source and
 * matched by the full engine (so filters and correlations apply), and the case passes when the rule
 * under test matches exactly when the case says it should.
 */
public final class RuleTestRunner {
  private final LoadedRules rules;
  private final LogSources sources;

  public RuleTestRunner(LoadedRules rules, LogSources sources) {
    this.rules = rules;
    this.sources = sources;
  }

  /** The outcome of one case. */
  public record CaseResult(String file, String rule, String caseName, int line, boolean expected, boolean actual,
      @Nullable String note) {
    public boolean passed() {
      return note == null && expected == actual;
    }
  }

  /**
   * All outcomes.
   *
   * @param errors test files whose rule cannot be found
   * @param coverage per tested rule key: [has positive case, has negative case]
   */
  public record Report(List<CaseResult> results, List<String> errors, Map<RuleMeta, boolean[]> coverage) {
    public long failures() {
      return results.stream().filter(r -> !r.passed()).count() + errors.size();
    }
  }

  public Report run(List<RuleTestFile> files) {
    List<CaseResult> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<RuleMeta, boolean[]> coverage = new LinkedHashMap<>();
    for (RuleTestFile file : files) {
      Optional<SigmaRule> rule = find(file.rule());
      if (rule.isEmpty()) {
        errors.add(file.file() + ": rule '" + file.rule() + "' is not loaded");
        continue;
      }
      boolean[] cov = coverage.computeIfAbsent(rule.get().meta(), k -> new boolean[2]);
      for (RuleTestFile.Case c : file.cases()) {
        cov[c.match() ? 0 : 1] = true;
        results.add(runCase(file, rule.get(), c));
      }
    }
    return new Report(results, errors, coverage);
  }

  /** Finds a rule by id, name or file name. */
  public Optional<SigmaRule> find(String ref) {
    for (SigmaRule r : rules.rules()) {
      if (r.meta().isReferencedBy(ref)) {
        return Optional.of(r);
      }
    }
    for (SigmaRule r : rules.rules()) {
      String f = r.meta().origin().file().replace('\\', '/');
      String base = f.substring(f.lastIndexOf('/') + 1);
      if (base.equals(ref) || base.equals(ref + ".yml") || base.equals(ref + ".yaml")) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private CaseResult runCase(RuleTestFile file, SigmaRule rule, RuleTestFile.Case c) {
    DetectionEngine engine = rules.engine();
    String fallbackSource = engine.rules().stream().filter(r -> r.meta() == rule.meta()).map(CompiledRule::sourceId)
        .findFirst().orElse(null);
    List<NormalizedEvent> events = new ArrayList<>();
    for (int i = 0; i < c.events().size(); i++) {
      JsonObject raw = c.events().get(i);
      Origin origin = new Origin(file.file(), c.line(), i + 1);
      Optional<LogSource> source = sources.detect(raw);
      try {
        if (source.isPresent()) {
          events.add(source.get().normalize(raw, origin));
        } else if (fallbackSource != null) {
          events.add(NormalizedEvent.rawOnly("case-" + (i + 1), Instant.EPOCH.plusSeconds(i), fallbackSource, raw,
              origin));
        } else {
          return result(file, c, false, "the rule applies to no log source Kumo reads");
        }
      } catch (InvalidRecordException e) {
        return result(file, c, false, "event " + (i + 1) + " cannot be read: " + e.getMessage());
      }
    }
    if (rule instanceof DetectionRule) {
      boolean matched = false;
      for (NormalizedEvent e : events) {
        boolean[] hit = new boolean[1];
        engine.match(e, r -> hit[0] |= r.meta() == rule.meta());
        matched |= hit[0];
      }
      return result(file, c, matched, null);
    }
    if (rule instanceof CorrelationRule) {
      Correlator correlator = engine.newCorrelator(CorrelationLimits.DEFAULTS);
      List<CorrelationHit> hits = new ArrayList<>();
      events.sort(java.util.Comparator.comparing(NormalizedEvent::time));
      for (NormalizedEvent e : events) {
        List<CorrelationInput> inputs = new ArrayList<>();
        engine.match(e, r -> {
          for (CorrelationFeed feed : r.feeds()) {
            inputs.add(CorrelationInput.of(feed, e));
          }
        });
        inputs.sort(CorrelationInput.ORDER);
        inputs.forEach(in -> correlator.accept(in, hits::add));
      }
      correlator.finish(hits::add);
      List<CorrelationDef> defs = engine.correlations();
      boolean matched = hits.stream().anyMatch(h -> defs.get(h.correlation()).rule().meta() == rule.meta());
      return result(file, c, matched, null);
    }
    return result(file, c, false, "filters cannot be tested directly; test the rules they apply to");
  }

  private static CaseResult result(RuleTestFile file, RuleTestFile.Case c, boolean actual, @Nullable String note) {
    return new CaseResult(file.file(), file.rule(), c.name(), c.line(), c.match(), actual, note);
  }
}
