package dev.kumo.exercise.drill;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.detect.CompiledRule;
import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.SourceMapping;
import dev.kumo.detect.SourceMappings;
import dev.kumo.detector.BuiltinDetectors;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.tuning.TuningEntry;
import dev.kumo.tuning.TuningProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which loaded rules and detectors carry which ATT&amp;CK technique for which log source, including
 * the ones that report nothing: disabled by tuning or settings, or running dry (experimental).
 */
public final class PackCoverage {
  /** Whether a covering rule can report findings. */
  public enum State {
    /** Loaded and reporting. */
    ACTIVE,
    /** Experimental: evaluated and counted, findings not reported. */
    DRY_RUN,
    /** Disabled by a tuning entry or by the detector settings. */
    DISABLED
  }

  /** How a rule's technique matches a step's technique. */
  public enum MatchKind {
    EXACT("exact"),
    /** The rule carries the parent technique of the step's sub-technique. */
    PARENT("via parent technique"),
    /** The rule carries a sub-technique of the step's technique. */
    SUB_TECHNIQUE("via sub-technique");

    private final String label;

    MatchKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A rule or detector as far as coverage goes.
   *
   * @param kind {@code rule}, {@code correlation} or {@code detector}
   * @param why for disabled or dry-run entries: what made them so
   */
  public record Entry(String id, @Nullable String name, String title, String kind, String source,
      List<String> techniques, boolean builtin, State state, @Nullable String why) {
    public Entry {
      techniques = List.copyOf(techniques);
    }

    /** The rule's name when it has one (readable), else its id. */
    public String displayId() {
      return name != null ? name : id;
    }
  }

  /** A covering entry and the technique through which it covers. */
  public record Match(Entry entry, String technique, MatchKind kind) {
    /** E.g. {@code rule aws_cloudtrail_stop (T1562.008, exact)}. */
    public String describe() {
      return entry.kind() + " " + entry.displayId() + " (" + technique + ", " + kind.label() + ")";
    }
  }

  private final List<Entry> entries;

  public PackCoverage(List<Entry> entries) {
    this.entries = entries.stream()
        .sorted(Comparator.comparing(Entry::id).thenComparing(Entry::source)).toList();
  }

  /** Coverage of a loaded pack: its compiled rules and detectors, plus the ones tuning or settings left out. */
  public static PackCoverage of(LoadedRules rules) {
    List<Entry> out = new ArrayList<>();
    for (CompiledRule r : rules.engine().rules()) {
      if (!r.emitsFindings()) {
        continue;
      }
      out.add(new Entry(r.meta().key(), r.meta().name(), r.meta().title(), "rule", r.sourceId(), r.attack().techniques(),
          r.meta().origin().builtin(), r.dryRun() ? State.DRY_RUN : State.ACTIVE,
          r.dryRun() ? "experimental: runs dry (use --experimental to report it)" : null));
    }
    // correlations cover the sources of the rules that feed them
    Map<Integer, Set<String>> correlationSources = new HashMap<>();
    for (CompiledRule r : rules.engine().rules()) {
      for (CorrelationFeed f : r.feeds()) {
        correlationSources.computeIfAbsent(f.correlation(), k -> new TreeSet<>()).add(r.sourceId());
      }
    }
    for (CorrelationDef c : rules.engine().correlations()) {
      if (!c.emitsFindings()) {
        continue;
      }
      for (String source : correlationSources.getOrDefault(c.index(), Set.of())) {
        out.add(new Entry(c.rule().meta().key(), c.rule().meta().name(), c.rule().meta().title(), "correlation", source,
            c.attack().techniques(), c.rule().meta().origin().builtin(), c.dryRun() ? State.DRY_RUN : State.ACTIVE,
            c.dryRun() ? "experimental: runs dry (use --experimental to report it)" : null));
      }
    }
    Set<String> present = new HashSet<>();
    for (DetectorBinding d : rules.engine().detectors()) {
      present.add(d.id());
      for (String source : d.detector().sources()) {
        out.add(new Entry(d.id(), d.detector().meta().name(), d.detector().meta().title(), "detector", source,
            d.findingRule(null).techniques(), true, d.dryRun() ? State.DRY_RUN : State.ACTIVE,
            d.dryRun() ? "experimental: runs dry (use --experimental to report it)" : null));
      }
    }
    AttackCatalog catalog = AttackCatalog.bundled();
    List<SourceMapping> mappings = SourceMappings.bundled();
    for (TuningProfile.Applied a : rules.tuned()) {
      if (a.entry().action() != TuningEntry.Action.DISABLE || !(a.rule() instanceof DetectionRule d)) {
        continue;
      }
      List<String> techniques = catalog.fromTags(d.meta().tags()).techniques();
      for (SourceMapping m : mappings) {
        if (m.applies(d.logsource())) {
          out.add(new Entry(d.meta().key(), d.meta().name(), d.meta().title(), "rule", m.sourceId(), techniques,
              d.meta().origin().builtin(), State.DISABLED,
              "disabled by tuning (" + a.entry().file() + ":" + a.entry().line() + ": " + a.entry().reason() + ")"));
        }
      }
    }
    if (rules.builtinCount() > 0) {
      // detectors the settings turned off: built-in detectors that are not in the engine
      for (Detector d : BuiltinDetectors.create(DetectorConfig.DEFAULTS, Intel.builtin())) {
        if (!present.contains(d.meta().key())) {
          List<String> techniques = catalog.fromTags(d.meta().tags()).techniques();
          for (String source : d.sources()) {
            out.add(new Entry(d.meta().key(), d.meta().name(), d.meta().title(), "detector", source, techniques, true,
                State.DISABLED, "turned off in the detector settings (enabled: false)"));
          }
        }
      }
    }
    return new PackCoverage(out);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Entries carrying {@code technique} (or its parent, or a sub-technique) for {@code source}. */
  public List<Match> covering(String technique, String source) {
    List<Match> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.source().equals(source)) {
        Match m = match(e, technique);
        if (m != null) {
          out.add(m);
        }
      }
    }
    out.sort(Comparator.comparing((Match m) -> m.kind()).thenComparing(m -> m.entry().displayId()));
    return out;
  }

  /** Sources for which some entry carries {@code technique} (any state), sorted. */
  public Set<String> sourcesCovering(String technique) {
    Set<String> out = new TreeSet<>();
    for (Entry e : entries) {
      if (match(e, technique) != null) {
        out.add(e.source());
      }
    }
    return out;
  }

  static @Nullable Match match(Entry e, String technique) {
    Match best = null;
    for (String t : e.techniques()) {
      MatchKind k = kind(t, technique);
      if (k != null && (best == null || k.compareTo(best.kind()) < 0)) {
        best = new Match(e, t, k);
      }
    }
    return best;
  }

  /** How rule technique {@code rule} matches step technique {@code step}, or null. */
  static @Nullable MatchKind kind(String rule, String step) {
    if (rule.equals(step)) {
      return MatchKind.EXACT;
    }
    if (step.startsWith(rule + ".")) {
      return MatchKind.PARENT;
    }
    if (rule.startsWith(step + ".")) {
      return MatchKind.SUB_TECHNIQUE;
    }
    return null;
  }
}
