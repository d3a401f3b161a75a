package dev.kumo.exercise.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Produces labelled logs for scenarios: the simulator implements it, and {@code kumo exercise
 * --scenario} calls it, then scores the logs it wrote like any labelled dataset.
 */
public interface ScenarioSource {

  /**
   * Logs written for a run: the folder to hunt and the {@code kumo.labels/1} file describing them.
   *
   * @param scenarios the scenario ids that were run
   */
  record Run(Path logsDir, Path labelsFile, List<String> scenarios) {
    public Run {
      scenarios = List.copyOf(scenarios);
    }
  }

  /** Ids of the scenarios this source can run, sorted. */
  List<String> scenarioIds();

  /**
   * Writes logs and labels for the given scenarios (with background activity) under {@code workDir}.
   * The same ids and seed write the same logs and labels.
   *
   * @param scenarioIds scenario ids, or {@code ["all"]} for every scenario
   * @throws IllegalArgumentException for an unknown scenario id
   */
  Run run(List<String> scenarioIds, long seed, Path workDir) throws IOException;

  /** A source with no scenarios, used until the simulator is wired in. */
  ScenarioSource NONE = new ScenarioSource() {
    @Override
    public List<String> scenarioIds() {
      return List.of();
    }

    @Override
    public Run run(List<String> scenarioIds, long seed, Path workDir) {
      throw new UnsupportedOperationException("scenario runs not available yet");
    }
  };

  /** Whether this source can run any scenario. */
  default boolean available() {
    return !scenarioIds().isEmpty();
  }
}
