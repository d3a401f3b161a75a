package dev.kumo.casestore;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Test support: simulated logs with attack scenarios, hunted with the built-in pack into a case. */
public final class SimulatedCase {
  public static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  /** Background events per simulated day (as the drills use). */
  public static final long EVENTS_PER_DAY = 6_000;

  private SimulatedCase() {}

  /** Simulates {@code scenarios} into {@code dir/logs} over {@code days} days; returns the logs folder. */
  public static Path simulate(List<Scenario> scenarios, long seed, int days, Path dir) throws IOException {
    Path logs = dir.resolve("logs");
    Simulation.run(new SimulationOptions(seed, EVENTS_PER_DAY * days, START, days, EnumSet.allOf(Source.class), logs,
        scenarios));
    return logs;
  }

  /** The labels file the simulation wrote beside the logs. */
  public static Path labels(Path logs) {
    return Simulation.labelsFile(logs);
  }

  /** Hunts {@code logs} with the built-in pack into the case {@code caseDir} (one load). */
  public static LoadStats hunt(Path logs, Path caseDir) throws IOException {
    return hunt(List.of(logs), caseDir, new ArrayList<>(), true);
  }

  /**
   * Hunts {@code paths} into the case, collecting the hunt's findings in {@code findings}; without
   * {@code finish} the writer is closed as after a crash, and null is returned.
   */
  public static @Nullable LoadStats hunt(List<Path> paths, Path caseDir, List<Finding> findings, boolean finish)
      throws IOException {
    return hunt(paths, caseDir, findings, finish, CaseOptions.DEFAULTS);
  }

  /** As {@link #hunt(List, Path, List, boolean)}, with case options. */
  public static @Nullable LoadStats hunt(List<Path> paths, Path caseDir, List<Finding> findings, boolean finish,
      CaseOptions options) throws IOException {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    try (CaseWriter w = CaseWriter.open(caseDir, options)) {
      try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), clock, w)
          .run(Inputs.expand(paths).files(), new Progress())) {
        Iterator<Finding> it = r.findings();
        while (it.hasNext()) {
          Finding f = it.next();
          findings.add(f);
          w.finding(f);
        }
      }
      return finish ? w.finish() : null;
    }
  }
}
