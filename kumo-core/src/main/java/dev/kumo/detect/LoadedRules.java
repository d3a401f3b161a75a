package dev.kumo.detect;

import dev.kumo.detector.BuiltinDetectors;
import dev.kumo.detector.Detector;
import dev.kumo.detector.intel.IntelMatchDetector;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.sigma.LoadProblem;
import dev.kumo.sigma.RuleLoadResult;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.tuning.TuningEntry;
import dev.kumo.tuning.TuningProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rules loaded for a run (the built-in pack and/or user folders) and the engine built from them,
 * with every load and build problem.
 */
public record LoadedRules(DetectionEngine engine, List<SigmaRule> rules, List<LoadProblem> problems,
    List<DetectionRule> unrouted, int builtinCount, int userCount, List<TuningProfile.Applied> tuned) {

  /** Warning for a user tuning entry that names no loaded rule. */
  public static final String UNMATCHED_TUNING =
      "tuning entry names no loaded rule (check the id or name, or load the rule with --rules)";

  public LoadedRules {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
    unrouted = List.copyOf(unrouted);
    tuned = List.copyOf(tuned);
  }

  /** Loads the built-in pack (unless {@code builtin} is false) plus every rule under {@code paths}. */
  public static LoadedRules load(boolean builtin, List<Path> paths, CompileOptions options) {
    return load(PackOptions.of(builtin, paths, options));
  }

  /**
   * Loads rules and detectors.
   *
   * @throws IllegalArgumentException when the detector settings are invalid
   */
  public static LoadedRules load(PackOptions pack) {
    RuleLoader loader = new RuleLoader(pack.compile());
    RuleLoadResult b = pack.builtin() ? loader.loadBuiltin() : RuleLoadResult.empty();
    RuleLoadResult u = loader.load(pack.paths());
    RuleLoadResult all = b.plus(u);
    TuningProfile.Result tuned = pack.tuning().apply(all.rules());
    // the analyst's own intel is matched even without the built-in pack
    List<Detector> detectors = pack.builtin() ? BuiltinDetectors.create(pack.detectors(), pack.intel())
        : pack.intel().iocs().isEmpty() ? List.of() : List.of(new IntelMatchDetector(pack.detectors(), pack.intel()));
    EngineBuilder.Result built = EngineBuilder.defaults(pack.compile()).experimentalAlerts(pack.experimentalAlerts())
        .intel(pack.intel().iocs())
        .build(tuned.rules(), detectors);
    List<LoadProblem> problems = new ArrayList<>(all.problems());
    problems.addAll(built.problems());
    for (TuningEntry e : tuned.unmatched()) {
      problems.add(new LoadProblem(e.file(), e.line(), LoadProblem.Severity.WARNING, e.rule(), UNMATCHED_TUNING));
    }
    return new LoadedRules(built.engine(), tuned.rules(), problems, built.unrouted(), b.rules().size(), u.rules().size(),
        tuned.applied());
  }

  /** Warnings about the user's tuning entries (shown by every command, as a typo there silently does nothing). */
  public List<LoadProblem> tuningWarnings() {
    return problems.stream().filter(p -> !p.isError() && UNMATCHED_TUNING.equals(p.message())).toList();
  }

  public long errorCount() {
    return problems.stream().filter(LoadProblem::isError).count();
  }

  public int correlationCount() {
    return (int) rules.stream().filter(r -> r instanceof CorrelationRule).count();
  }

  /** Compiled rules per source id, sorted by source. */
  public Map<String, Integer> rulesBySource() {
    Map<String, Integer> out = new TreeMap<>();
    for (CompiledRule r : engine.rules()) {
      out.merge(r.sourceId(), 1, Integer::sum);
    }
    return out;
  }
}
