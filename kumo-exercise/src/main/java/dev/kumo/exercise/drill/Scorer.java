package dev.kumo.exercise.drill;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.HuntSummary;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Scores a labelled logs folder: hunts it with the loaded pack, then, per labelled step, whether a
 * reported finding touched its events (the finding's event or evidence), which rules fired, the
 * time to detect in event time, and for a miss, why. Findings that touch no labelled event are
 * counted as false positives.
 *
 * <pre>{@code
 * LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
 * ExerciseResult r = new Scorer(rules, HuntOptions.defaults()).score(logsDir, labelsFile);
 * }</pre>
 *
 * <p>The hunt runs with every level and suppressed findings kept, so that findings muted by the
 * mutelist or below the options' minimum level can be told apart from rules that did not fire;
 * they never count as detections.
 */
public final class Scorer {
  /** False-positive rules kept in the result (all are counted). */
  static final int MAX_FP_RULES = 50;

  private final LoadedRules rules;
  private final HuntOptions options;
  private final Clock clock;
  private final LogSources sources = LogSources.defaults();
  private final PackCoverage coverage;

  public Scorer(LoadedRules rules, HuntOptions options) {
    this(rules, options, Clock.systemUTC());
  }

  public Scorer(LoadedRules rules, HuntOptions options, Clock clock) {
    this.rules = rules;
    this.options = options;
    this.clock = clock;
    this.coverage = PackCoverage.of(rules);
  }

  /** Scores {@code logsDir} with the built-in pack and default options. */
  public static ExerciseResult scoreWithBuiltinPack(Path logsDir, Path labelsFile) throws IOException {
    return new Scorer(LoadedRules.load(true, List.of(), CompileOptions.defaults()), HuntOptions.defaults())
        .score(logsDir, labelsFile);
  }

  public PackCoverage coverage() {
    return coverage;
  }

  /**
   * Reads {@code labelsFile} and scores {@code logsDir} against it.
   *
   * @throws NoSuchFileException when the logs folder or the labels file does not exist
   */
  public ExerciseResult score(Path logsDir, Path labelsFile) throws IOException {
    if (!Files.exists(labelsFile)) {
      throw new NoSuchFileException(labelsFile.toString(), null, "labels file not found");
    }
    return score(logsDir, new LabelReader().read(labelsFile));
  }

  /** Scores {@code logsDir} against labels already read. */
  public ExerciseResult score(Path logsDir, LabelSet labels) throws IOException {
    if (!Files.exists(logsDir)) {
      throw new NoSuchFileException(logsDir.toString(), null, "logs folder not found");
    }
    List<Scenario> scenarios = Scenario.of(labels.labels());
    List<Step> steps = scenarios.stream().flatMap(s -> s.steps().stream()).toList();
    List<InputFile> inputs = inputs(logsDir);

    // labelled event ids and locations -> step indexes
    Map<String, List<Integer>> stepsById = new HashMap<>();
    Map<Label.Location, List<Integer>> stepsByLocation = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      for (String id : steps.get(i).eventIds()) {
        stepsById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
      for (Label.Location l : steps.get(i).locations()) {
        stepsByLocation.computeIfAbsent(l, k -> new ArrayList<>()).add(i);
      }
    }
    Map<Label.Location, String> resolved = resolveLocations(logsDir, stepsByLocation.keySet());
    for (Map.Entry<Label.Location, String> e : resolved.entrySet()) {
      for (int i : stepsByLocation.get(e.getKey())) {
        List<Integer> list = stepsById.computeIfAbsent(e.getValue(), k -> new ArrayList<>());
        if (!list.contains(i)) {
          list.add(i);
        }
      }
    }

    Path base = logsDir.toAbsolutePath().normalize();
    boolean baseIsFile = Files.isRegularFile(base);
    Tally[] tallies = new Tally[steps.size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new Tally();
    }
    Map<String, RuleTally> fps = new HashMap<>();
    long reported = 0;
    long muted = 0;
    long falsePositives = 0;
    HuntOptions huntOptions = options.withMinLevel(Level.INFORMATIONAL).withMutelist(options.mutelist(), true);
    HuntSummary summary;
    try (HuntResult r = new Hunter(rules.engine(), sources, huntOptions, clock).run(inputs, new Progress())) {
      summary = r.summary();
      Iterator<Finding> it = r.findings();
      Set<Integer> touched = new TreeSet<>();
      while (it.hasNext()) {
        Finding f = it.next();
        touched.clear();
        addSteps(touched, stepsById.get(f.event().id()));
        for (String id : f.evidence()) {
          addSteps(touched, stepsById.get(id));
        }
        addSteps(touched, stepsByLocation.get(new Label.Location(relative(base, baseIsFile, f.event().file()),
            f.event().line())));
        String muteReason = f.suppressedBy() != null ? "suppressed by mutelist entry '" + f.suppressedBy() + "'"
            : !f.level().atLeast(options.minLevel()) ? "level " + f.level().id() + " is below --min-level "
                + options.minLevel().id() : null;
        if (muteReason == null) {
          reported++;
        } else {
          muted++;
        }
        if (touched.isEmpty()) {
          if (muteReason == null) {
            falsePositives++;
            fps.merge(f.ruleId(), new RuleTally(f.ruleId(), f.ruleTitle(), f.level(), 1),
                (a, b) -> new RuleTally(a.id(), a.title(), a.level(), a.findings() + 1));
          }
          continue;
        }
        for (int i : touched) {
          Step s = steps.get(i);
          if (muteReason != null) {
            tallies[i].muted.putIfAbsent(f.ruleName() != null ? f.ruleName() : f.ruleId(), muteReason);
          } else {
            tallies[i].fire(f, carries(f.techniques(), s.technique()));
          }
        }
      }
    }

    // events of missed steps named by id: are they in the logs at all?
    Set<String> wanted = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      if (tallies[i].fired.isEmpty()) {
        wanted.addAll(steps.get(i).eventIds());
      }
    }
    Set<String> present = wanted.isEmpty() ? Set.of() : presentIds(inputs, wanted);

    List<StepResult> results = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      results.add(result(steps.get(i), tallies[i], summary, present, resolved));
    }
    List<RuleTally> fpRules = fps.values().stream()
        .sorted(Comparator.comparingLong(RuleTally::findings).reversed().thenComparing(RuleTally::id))
        .limit(MAX_FP_RULES).toList();
    int unresolved = stepsByLocation.size() - resolved.size();
    return new ExerciseResult(logsDir.toString(), labels.file(), clock.instant(), scenarios, results,
        labels.problems(), labels.skipped(), labels.labels().size(), unresolved, summary.files(), summary.events(),
        new TreeMap<>(summary.eventsBySource()), summary.problems(), rules.engine().rules().size(),
        rules.engine().detectors().size(), reported, muted, falsePositives, fpRules, options.minLevel());
  }

  private StepResult result(Step s, Tally t, HuntSummary summary, Set<String> present,
      Map<Label.Location, String> resolved) {
    List<PackCoverage.Match> covering = coverage.covering(s.technique(), s.source());
    List<String> coverageText = covering.stream()
        .map(m -> m.describe() + (m.entry().state() == PackCoverage.State.ACTIVE ? ""
            : " [" + m.entry().state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "]"))
        .toList();
    boolean claimed = covering.stream()
        .anyMatch(m -> m.entry().builtin() && m.entry().state() == PackCoverage.State.ACTIVE);
    long foundByLocation = s.locations().stream().filter(resolved::containsKey).count();
    if (!t.fired.isEmpty()) {
      Duration ttd = Duration.between(s.firstTime(), t.first);
      String note = null;
      if (ttd.isNegative()) {
        note = "the first finding's event (" + t.first + ") is before the step's first labelled event ("
            + s.firstTime() + "), as it was raised on an earlier event that its evidence links to this step; "
            + "shown as 0";
        ttd = Duration.ZERO;
      }
      List<FiredRule> fired = t.fired.values().stream()
          .sorted(Comparator.comparingLong(FiredRule::findings).reversed().thenComparing(FiredRule::id)).toList();
      return new StepResult(s, true, fired, ttd, note, null, "", claimed, coverageText, -1);
    }
    long foundById = s.eventIds().stream().filter(present::contains).count();
    long found = foundById + foundByLocation;
    long labelled = s.eventIds().size() + s.locations().size();
    long sourceEvents = summary.eventsBySource().getOrDefault(s.source(), 0L);
    MissReason reason;
    String detail;
    if (sourceEvents == 0) {
      reason = MissReason.LOG_SOURCE_ABSENT;
      detail = "no " + s.source() + " event was read from the logs"
          + (summary.eventsBySource().isEmpty() ? "" : " (read: " + String.join(", ",
              new TreeSet<>(summary.eventsBySource().keySet())) + ")");
    } else if (found == 0) {
      reason = MissReason.LOG_SOURCE_ABSENT;
      detail = "none of its " + labelled + " labelled event(s) was found in the logs";
    } else if (!t.muted.isEmpty()) {
      reason = MissReason.RULE_MUTED;
      List<String> parts = new ArrayList<>();
      new TreeMap<>(t.muted).forEach((rule, why) -> parts.add(rule + ": " + why));
      detail = "findings on its events were muted (" + String.join("; ", parts) + ")";
    } else {
      List<PackCoverage.Match> active = covering.stream()
          .filter(m -> m.entry().state() == PackCoverage.State.ACTIVE).toList();
      List<PackCoverage.Match> quiet = covering.stream()
          .filter(m -> m.entry().state() != PackCoverage.State.ACTIVE).toList();
      if (!active.isEmpty()) {
        reason = MissReason.RULE_DID_NOT_FIRE;
        detail = "covered by " + join(active) + " but no finding touched its events ("
            + found + " of " + labelled + " labelled event(s) found)";
      } else if (!quiet.isEmpty()) {
        reason = MissReason.RULE_MUTED;
        List<String> parts = new ArrayList<>();
        for (PackCoverage.Match m : quiet) {
          parts.add(m.describe() + ": " + m.entry().why());
        }
        detail = String.join("; ", parts);
      } else {
        reason = MissReason.NO_RULE;
        Set<String> elsewhere = coverage.sourcesCovering(s.technique());
        detail = "no loaded rule or detector carries " + s.technique() + " (or its parent or sub-techniques) for "
            + s.source() + (elsewhere.isEmpty() ? "" : "; rules for it exist for " + String.join(", ", elsewhere));
      }
    }
    return new StepResult(s, false, List.of(), null, null, reason, detail, claimed, coverageText, found);
  }

  private static String join(List<PackCoverage.Match> matches) {
    List<String> out = new ArrayList<>();
    for (PackCoverage.Match m : matches.subList(0, Math.min(3, matches.size()))) {
      out.add(m.describe());
    }
    return String.join(", ", out) + (matches.size() > 3 ? " and " + (matches.size() - 3) + " more" : "");
  }

  private static boolean carries(List<String> techniques, String technique) {
    return techniques.stream().anyMatch(t -> PackCoverage.kind(t, technique) != null);
  }

  private static void addSteps(Set<Integer> out, @Nullable List<Integer> steps) {
    if (steps != null) {
      out.addAll(steps);
    }
  }

  private static List<InputFile> inputs(Path logsDir) {
    return Inputs.expand(List.of(logsDir)).files();
  }

  /** {@code file} relative to {@code base} (absolute, normalized) with '/' separators; as is when outside it. */
  static String relative(Path base, boolean baseIsFile, String file) {
    try {
      Path p = Path.of(file).toAbsolutePath().normalize();
      if (baseIsFile) {
        return p.equals(base) ? slash(String.valueOf(base.getFileName())) : slash(file);
      }
      return p.startsWith(base) ? slash(base.relativize(p).toString()) : slash(file);
    } catch (IllegalArgumentException e) {
      return slash(file);
    }
  }

  private static String slash(String s) {
    return s.replace('\\', '/');
  }

  private @Nullable LogSource forcedSource() {
    return options.forcedSource() == null ? null : sources.byId(options.forcedSource()).orElse(null);
  }

  /** Reads only the files named by (file, line) labels and maps each location to the event id read there. */
  private Map<Label.Location, String> resolveLocations(Path logsDir, Set<Label.Location> locations) {
    Map<String, Set<Long>> byFile = new TreeMap<>();
    for (Label.Location l : locations) {
      byFile.computeIfAbsent(l.file(), k -> new HashSet<>()).add(l.line());
    }
    Map<Label.Location, String> out = new LinkedHashMap<>();
    LogReader reader = new LogReader(sources, options.limits(), forcedSource());
    for (Map.Entry<String, Set<Long>> e : byFile.entrySet()) {
      Path file = Files.isRegularFile(logsDir) ? logsDir : logsDir.resolve(e.getKey());
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Set<Long> lines = e.getValue();
      reader.read(InputFile.of(file), (NormalizedEvent ev) -> {
        if (lines.contains(ev.origin().line())) {
          out.putIfAbsent(new Label.Location(e.getKey(), ev.origin().line()), ev.id());
        }
      }, new IngestStats(0), null);
    }
    return out;
  }

  /** The ids in {@code wanted} that some event of the logs carries. */
  private Set<String> presentIds(List<InputFile> inputs, Set<String> wanted) {
    Set<String> found = java.util.concurrent.ConcurrentHashMap.newKeySet();
    LogReader reader = new LogReader(sources, options.limits(), forcedSource());
    for (InputFile f : inputs) {
      reader.read(f, ev -> {
        if (wanted.contains(ev.id())) {
          found.add(ev.id());
        }
      }, new IngestStats(0), null);
      if (found.size() == wanted.size()) {
        break;
      }
    }
    return found;
  }

  /** What happened to one step during the hunt. */
  private static final class Tally {
    final Map<String, FiredRule> fired = new HashMap<>();
    final Map<String, String> muted = new HashMap<>();
    @Nullable Instant first;

    void fire(Finding f, boolean carries) {
      fired.merge(f.ruleId(), new FiredRule(f.ruleId(), f.ruleTitle(), f.level(), f.author(), 1, carries),
          (a, b) -> new FiredRule(a.id(), a.title(), a.level().atLeast(b.level()) ? a.level() : b.level(),
              a.author(), a.findings() + 1, a.carriesTechnique() || b.carriesTechnique()));
      if (first == null || f.time().isBefore(first)) {
        first = f.time();
      }
    }
  }
}
