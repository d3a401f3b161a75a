package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code exercise.json} file ({@code kumo.exercise/1}) holds: the scored drill and, for a simulated
 * run, its seed.
 *
 * @param result the scored drill; {@link ExerciseResult#generatedAt()} is when it ran
 * @param seed the seed of a simulated scenario run ({@code kumo exercise --scenario}), or null for labelled logs
 */
public record ExerciseDocument(ExerciseResult result, @Nullable Long seed) {}
