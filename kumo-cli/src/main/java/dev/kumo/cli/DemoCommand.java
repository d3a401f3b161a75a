package dev.kumo.cli;

import dev.kumo.detect.LoadedRules;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo demo}: hunt a small simulated dataset (generated at first run into a cache folder, then reused)
 * and suggest what to try next. {@code --bundled} hunts the hand-made CloudTrail dataset in the jar instead.
 */
@Command(name = "demo", sortOptions = false,
    description = {"Hunt a small simulated dataset in which every shipped attack scenario plays.",
        "About a day of a synthetic organisation's ordinary cloud activity in every source the simulator writes, "
            + "with the attack scenarios re-timed to play within it; generated at first run into a cache folder "
            + "(a few seconds) and reused afterwards."},
    footer = {"", "Examples:", "  kumo demo --min-level medium", "  kumo demo --bundled"})
final class DemoCommand implements Callable<Integer> {
  static final String ROOT = "dev/kumo/demo/";
  /** The seed of the demo organisation: the same seed and version always write the same files. */
  static final long SEED = 7;
  /** Days that set how busy the organisation is (the simulator's quietest setting at this many events). */
  static final int DAYS = 2;
  /** Background events per simulated day (as drills use), enough for the detectors' short baselines. */
  static final long EVENTS_PER_DAY = 6_000;
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  /** When the first scenario starts (after half a day of ordinary history), and the gap between scenarios. */
  static final Duration FIRST_SCENARIO = Duration.ofHours(12);
  static final Duration SCENARIO_GAP = Duration.ofMinutes(90);
  /** Steps that would end later than this after the start are left out (the run lasts until the last step). */
  static final Duration SPAN = Duration.ofHours(36);
  private static final String TEMP_PREFIX = ".kumo-demo-tmp-";

  @Spec
  CommandSpec spec;

  @Option(names = "--no-color", description = "No colours in terminal output.")
  boolean noColor;

  @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "low",
      description = "Lowest level shown (default: ${DEFAULT-VALUE}).")
  String minLevel;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Findings format: table, jsonl, csv, ocsf (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder of the simulated dataset: generated there when absent, reused when present "
          + "(default: $XDG_CACHE_HOME/kumo or ~/.cache/kumo, then demo-<version>-seed" + SEED + ").")
  @Nullable Path data;

  @Option(names = "--bundled", description = "Hunt the small hand-made CloudTrail dataset bundled in the jar "
      + "(three accounts, one attacker) instead of the simulated one.")
  boolean bundled;

  @Override
  public Integer call() throws IOException {
    Level min = Level.parse(minLevel);
    if (min == null) {
      throw new ParameterException(spec.commandLine(), "--min-level: '" + minLevel + "' is not a level "
          + "(informational, low, medium, high, critical)");
    }
    if (bundled && data != null) {
      throw new ParameterException(spec.commandLine(), "--bundled and --data cannot be used together");
    }
    List<InputFile> inputs = bundled ? bundledInputs() : simulatedInputs(data != null ? data : defaultDataDir());
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    HuntOptions options = HuntOptions.defaults().withMinLevel(min);
    int code = new HuntRunner(System.out, System.err).run(inputs, rules, options,
        new HuntRunner.Output(format, null, null, noColor, false, null, null, false));
    if (format == OutputFormat.table) {
      System.out.println();
      System.out.println("What to try next:");
      System.out.println("  ./kumo hunt <your AWSLogs folder>                    hunt your own CloudTrail export");
      System.out.println("  ./kumo hunt <folder> --rules <sigma>/rules/cloud     add SigmaHQ's cloud rules");
      System.out.println("  ./kumo demo --format jsonl | jq .rule_title          findings as JSON Lines");
      System.out.println("  ./kumo rules explain kumo_aws_cloudtrail_logging_stopped   see how a rule is compiled");
      System.out.println("  ./kumo rules test                                    run the built-in rules' tests");
      System.out.println("  ./kumo exercise --scenario all                       score detection of every attack scenario");
      System.out.println("  ./kumo tabletop list                                 tabletop exercises for incident response");
    }
    return code;
  }

  // ---- simulated dataset ----------------------------------------------------------------------------------

  private List<InputFile> simulatedInputs(Path dir) throws IOException {
    ensureDataset(dir, () -> System.err.println("Generating the demo dataset (first run) in " + dir + " …"));
    return Inputs.expand(List.of(dir)).files();
  }

  /** The cache folder of this version's demo dataset. */
  static Path defaultDataDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    String v = DemoCommand.class.getPackage().getImplementationVersion();
    String version = v == null ? "dev" : v;
    if (v == null || v.endsWith("-SNAPSHOT")) {
      version += "-" + buildFingerprint(); // a rebuilt simulator must not reuse an older build's dataset
    }
    return cache.resolve("kumo").resolve("demo-" + version + "-seed" + SEED);
  }

  /** Size and time of the jar (or classes folder) Kumo runs from, as 8 hex digits; {@code 0} when unknown. */
  private static String buildFingerprint() {
    try {
      Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      long stamp = Files.getLastModifiedTime(code).toMillis() * 31 + Files.size(code);
      return String.format(java.util.Locale.ROOT, "%08x", Long.hashCode(stamp));
    } catch (Exception e) {
      return "0";
    }
  }

  /** A complete dataset is one the simulator finished: its manifest is written last, and the folder moved in after. */
  static boolean isComplete(Path dir) {
    return Files.isRegularFile(dir.resolve(".simulate").resolve("manifest.json"));
  }

  /**
   * Makes sure {@code dir} holds the demo dataset: generates it into a temporary sibling folder and moves that
   * into place atomically, so an interrupted run never leaves a half dataset. Returns whether it generated.
   */
  static boolean ensureDataset(Path dir, Runnable announce) throws IOException {
    if (isComplete(dir)) {
      return false;
    }
    if (Files.isDirectory(dir) && !isEmptyDir(dir)) {
      throw new IOException(dir + " is not empty and holds no demo dataset (no .simulate/manifest.json): "
          + "choose another --data folder");
    }
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    removeStaleTemps(parent);
    announce.run();
    Path temp = Files.createTempDirectory(parent, TEMP_PREFIX);
    try {
      generate(temp);
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        if (!isComplete(dir)) { // another run won the race only if it left a complete dataset
          throw e;
        }
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot move the demo dataset into " + dir + " atomically: " + e.getMessage(), e);
      }
    } finally {
      Folders.deleteTree(temp);
    }
    return true;
  }

  /** Writes the demo dataset into {@code out}: the background and every shipped scenario, re-timed. */
  static void generate(Path out) throws IOException {
    Simulation.run(new SimulationOptions(SEED, EVENTS_PER_DAY * DAYS, START, DAYS, EnumSet.allOf(Source.class), out,
        scenarios()));
  }

  /**
   * Every shipped scenario, in its usual order, re-timed to play one after another within the demo's span. Steps
   * that would end after the span are left out (the cryptomining billing spike, a day later and two days long,
   * which would need a week of cost history to stand out anyway), so the run stays short.
   */
  static List<Scenario> scenarios() {
    List<Scenario> shipped = ScenarioLibrary.builtin().stream()
        .sorted(Comparator.comparing(Scenario::start).thenComparing(Scenario::id)).toList();
    List<Scenario> timed = new ArrayList<>();
    for (int i = 0; i < shipped.size(); i++) {
      Scenario s = shipped.get(i);
      Duration start = FIRST_SCENARIO.plus(SCENARIO_GAP.multipliedBy(i));
      List<Scenario.Step> steps = s.steps().stream()
          .filter(st -> start.plus(st.at()).plus(st.span()).compareTo(SPAN) <= 0).toList();
      if (!steps.isEmpty()) {
        timed.add(new Scenario(s.id(), s.title(), s.threat(), s.description(), start, s.targetAccount(),
            s.targetRegion(), s.actors(), steps, s.file()));
      }
    }
    return timed;
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Temporary folders more than a day old were left by interrupted runs. */
  private static void removeStaleTemps(Path parent) {
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    try (Stream<Path> s = Files.list(parent)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
          Folders.deleteTree(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a stale temporary folder only wastes space
    }
  }

  // ---- bundled dataset ------------------------------------------------------------------------------------

  private static List<InputFile> bundledInputs() throws IOException {
    List<InputFile> inputs = new ArrayList<>();
    for (String name : index()) {
      byte[] bytes;
      try (InputStream in = resource(name)) {
        bytes = in.readAllBytes();
      }
      inputs.add(new InputFile("demo/" + name, null, bytes.length,
          () -> new java.io.ByteArrayInputStream(bytes)));
    }
    return inputs;
  }

  static List<String> index() throws IOException {
    try (InputStream in = resource("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IOException("demo file " + name + " is missing from the jar");
    }
    return in;
  }
}
