package dev.kumo.serve.exercise;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of the exercises folder, as the list shows it.
 *
 * @param name the run's folder name
 * @param when when it ran ({@code generated_at}), or the folder's modification time when its result is unreadable
 * @param scenarios scenario ids, in the result's order
 * @param score percent of steps detected
 * @param seed the seed of a simulated run, or null
 * @param problem why its {@code exercise.json} could not be read (then the counts are 0), or null
 */
public record RunSummary(String name, Instant when, List<String> scenarios, int steps, long detected, long missed,
    double score, long falsePositives, @Nullable Long seed, @Nullable String problem) {
  public RunSummary {
    scenarios = List.copyOf(scenarios);
  }
}
