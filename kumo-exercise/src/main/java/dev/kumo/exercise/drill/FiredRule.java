package dev.kumo.exercise.drill;

import dev.kumo.sigma.Level;
import org.jspecify.annotations.Nullable;

/**
 * A rule or detector that raised findings on a step's events.
 *
 * @param findings how many of its findings touched the step's events
 * @param carriesTechnique whether the rule is tagged with the step's technique (or its parent or a sub-technique)
 */
public record FiredRule(String id, String title, Level level, @Nullable String author, long findings,
    boolean carriesTechnique) {}
