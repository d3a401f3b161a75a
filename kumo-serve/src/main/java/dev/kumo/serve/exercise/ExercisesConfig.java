package dev.kumo.serve.exercise;

import java.nio.file.Path;

/**
 * The {@code exercises:} section of {@code serve.yml}.
 *
 * @param dir the folder of exercise runs, one subfolder per run (default {@code STATE_DIR/exercises})
 */
public record ExercisesConfig(Path dir) {
  /** The default under {@code stateDir}. */
  public static ExercisesConfig defaults(Path stateDir) {
    return new ExercisesConfig(stateDir.resolve("exercises"));
  }
}
