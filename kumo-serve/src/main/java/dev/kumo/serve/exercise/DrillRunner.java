package dev.kumo.serve.exercise;

import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.ScenarioDrill;
import dev.kumo.exercise.drill.ScenarioSource;
import dev.kumo.exercise.drill.Scorer;
import dev.kumo.exercise.report.ReportFolder;
import dev.kumo.hunt.HuntOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs detection drills started from the console, in the background on one worker thread, one at a time: the
 * scenarios are simulated and scored exactly as {@code kumo exercise --scenario} does ({@link ScenarioDrill}), with
 * the rules the service loaded, and the report folder ({@code exercise.json}, {@code exercise.md},
 * {@code exercise.html}, {@code navigator-layer.json}) is written into the runs folder. A run is written under a
 * hidden name and renamed when complete, so the list never shows half a run.
 */
public final class DrillRunner implements AutoCloseable {
  /** Most scenario ids one drill takes. */
  public static final int MAX_SCENARIOS = 50;
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final ExerciseRuns runs;
  private final ScenarioSource source;
  private final ScenarioDrill drill;
  private final Clock clock;
  private final ExecutorService worker;
  private final AtomicReference<DrillState> last = new AtomicReference<>();
  private final Object lock = new Object();

  /** Thrown when a drill is asked for while another runs. */
  public static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;

    Busy(DrillState running) {
      super("a drill is already running (" + running.run() + "); start another when it has finished", null, false,
          false);
    }
  }

  /**
   * @param rules the rules the service loaded
   * @param options hunt options of the drills (one thread is plenty: a drill is not urgent)
   */
  public DrillRunner(ExerciseRuns runs, LoadedRules rules, HuntOptions options, ScenarioSource source, Clock clock) {
    this.runs = runs;
    this.source = source;
    this.drill = new ScenarioDrill(source, new Scorer(rules, options, clock));
    this.clock = clock;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kumo-drill");
      t.setDaemon(true);
      return t;
    });
  }

  /** Scenario ids the drills can run, sorted. */
  public List<String> scenarioIds() {
    return source.scenarioIds();
  }

  /** The drill running now, or the last one started (finished or failed); empty before the first. */
  public Optional<DrillState> current() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Starts a drill in the background.
   *
   * @param scenarioIds scenario ids of {@link #scenarioIds()}, or {@code all}
   * @param by who asked (recorded in the state)
   * @return the drill's state, running; its {@code run} names the folder it will write
   * @throws IllegalArgumentException for no, too many or unknown scenario ids
   * @throws Busy while another drill runs
   */
  public DrillState start(List<String> scenarioIds, long seed, String by) throws Busy, IOException {
    List<String> ids = check(scenarioIds);
    synchronized (lock) {
      DrillState now = last.get();
      if (now != null && now.status() == DrillState.Status.RUNNING) {
        throw new Busy(now);
      }
      Files.createDirectories(runs.dir());
      Instant started = clock.instant();
      String name = freeName(NAME_TIME.format(started) + "-" + (ids.size() == 1 ? ids.get(0) : ids.contains("all")
          ? "all" : ids.size() + "-scenarios") + "-seed" + seed);
      Path partial = runs.dir().resolve("." + name + ".partial");
      Files.createDirectories(partial);
      DrillState state = new DrillState(name, ids, seed, by, started, DrillState.Status.RUNNING, null, null);
      last.set(state);
      worker.execute(() -> run(state, partial));
      return state;
    }
  }

  private void run(DrillState state, Path partial) {
    String failure = null;
    try {
      ExerciseResult r = drill.run(state.scenarios(), state.seed());
      ReportFolder.write(r, state.seed(), partial, EnumSet.allOf(ReportFolder.Part.class));
      Files.move(partial, runs.dir().resolve(state.run()), StandardCopyOption.ATOMIC_MOVE);
    } catch (Exception | LinkageError e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      ScenarioDrill.deleteTree(partial);
    }
    synchronized (lock) {
      last.set(state.done(clock.instant(), failure));
    }
  }

  private List<String> check(List<String> scenarioIds) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String s : scenarioIds) {
      if (!s.isBlank()) {
        ids.add(s.strip());
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("choose at least one scenario (or all)");
    }
    if (ids.size() > MAX_SCENARIOS) {
      throw new IllegalArgumentException("at most " + MAX_SCENARIOS + " scenarios per drill");
    }
    List<String> known = source.scenarioIds();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      if (!id.equals("all") && !known.contains(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown scenario " + String.join(", ", unknown) + " (known: "
          + String.join(", ", known) + ", or all)");
    }
    return ids.contains("all") ? List.of("all") : List.copyOf(ids);
  }

  private String freeName(String base) {
    String name = base;
    for (int n = 2; Files.exists(runs.dir().resolve(name)) || Files.exists(runs.dir().resolve("." + name
        + ".partial")); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** Stops taking drills; waits briefly for one in flight (it is abandoned, and its hidden folder left, after). */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
