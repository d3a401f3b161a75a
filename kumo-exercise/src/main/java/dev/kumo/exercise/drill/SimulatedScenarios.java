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
 * seed's organisation, in every source the simulator writes. The background runs from the start of the
 * period to a day after the last scenario ends, so baselines (new regions, daily cost series) have the
 * history the scenarios were written against (the cryptomining one plays after a week).
 */
public final class SimulatedScenarios implements ScenarioSource {
  /** Background events per simulated day: enough for baselines, few enough for a drill to run in a minute. */
  public static final long EVENTS_PER_DAY = 6_000;
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Override
  public List<String> scenarioIds() {
    return ScenarioLibrary.builtin().stream().map(Scenario::id).sorted().toList();
  }

  @Override
  public Run run(List<String> scenarioIds, long seed, Path workDir) throws IOException {
    List<Scenario> scenarios = ScenarioLibrary.resolve(scenarioIds);
    long lastMillis = scenarios.stream().mapToLong(sc -> sc.start().plus(sc.length()).toMillis()).max().orElse(0);
    int days = (int) (lastMillis / 86_400_000L) + 2;
    Simulation.run(new SimulationOptions(seed, EVENTS_PER_DAY * days, START, days, EnumSet.allOf(Source.class), workDir,
        scenarios));
    return new Run(workDir, Simulation.labelsFile(workDir), scenarios.stream().map(Scenario::id).toList());
  }
}
