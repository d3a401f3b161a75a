/**
 * Exercises in {@code kumo serve}: the folder of drill runs ({@link dev.kumo.serve.exercise.ExerciseRuns}), one
 * subfolder per run as {@code kumo exercise --report} writes it, and drills started from the console
 * ({@link dev.kumo.serve.exercise.DrillRunner}), one at a time, with the rules the service loaded.
 */
@NullMarked
package dev.kumo.serve.exercise;

import org.jspecify.annotations.NullMarked;
