package dev.kumo.exercise.drill;

import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Scenario runs from Kumo's simulator: the scenarios asked for, played into the background activity of the
 * seed's organisation, in every source the simulator writes. The background spans {@link #DAYS} days so
 * that baselines (new regions, daily cost series) have history before the scenarios play.
 */
public final class SimulatedScenarios implements ScenarioSource {
  /** Background events of a drill: enough for baselines, small enough to run in a minute. */
  public static final long BACKGROUND_EVENTS = 60_000;
  public static final int DAYS = 10;
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Override
  public List<String> scenarioIds() {
    return ScenarioLibrary.builtin().stream().map(Scenario::id).sorted().toList();
  }

  @Override
  public Run run(List<String> scenarioIds, long seed, Path workDir) throws IOException {
    List<Scenario> scenarios = ScenarioLibrary.resolve(scenarioIds);
    Simulation.run(new SimulationOptions(seed, BACKGROUND_EVENTS, START, DAYS, EnumSet.allOf(Source.class), workDir,
        scenarios));
    return new Run(workDir, Simulation.labelsFile(workDir), scenarios.stream().map(Scenario::id).toList());
  }
}
