package dev.kumo.exercise.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A drill on simulated scenarios ({@code kumo exercise --scenario}, and drills started from the console): the
 * source writes logs and labels into a temporary folder, the scorer hunts and scores them, and the folder is
 * deleted.
 */
public final class ScenarioDrill {
  private final ScenarioSource source;
  private final Scorer scorer;

  public ScenarioDrill(ScenarioSource source, Scorer scorer) {
    this.source = source;
    this.scorer = scorer;
  }

  /**
   * Simulates {@code scenarioIds} on {@code seed} and scores them.
   *
   * @param scenarioIds scenario ids, or {@code ["all"]}
   * @throws IllegalArgumentException for an unknown scenario id
   * @throws UnsupportedOperationException when the source has no scenarios
   */
  public ExerciseResult run(List<String> scenarioIds, long seed) throws IOException {
    if (!source.available()) {
      throw new UnsupportedOperationException("scenario runs not available");
    }
    Path work = Files.createTempDirectory("kumo-exercise-");
    try {
      ScenarioSource.Run run = source.run(scenarioIds, seed, work);
      return scorer.score(run.logsDir(), run.labelsFile());
    } finally {
      deleteTree(work);
    }
  }

  /** Deletes a temporary folder of simulated logs (best effort: a folder left behind fails nothing). */
  public static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is not worth failing the exercise for
    }
  }
}
