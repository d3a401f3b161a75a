/**
 * Detection drills: labelled logs (a {@code kumo.labels/1} file beside a logs folder) are hunted with
 * the loaded rule pack and scored step by step against the labels: detected or missed (and why),
 * rules that fired, time to detect in event time, and findings on unlabelled events.
 *
 * <p>Entry points: {@link dev.kumo.exercise.drill.LabelReader} reads labels,
 * {@link dev.kumo.exercise.drill.Scorer} scores a logs folder against them, and
 * {@link dev.kumo.exercise.drill.ScenarioSource} produces logs and labels for simulated scenarios.
 */
@NullMarked
package dev.kumo.exercise.drill;

import org.jspecify.annotations.NullMarked;
