package dev.kumo.exercise.drill;

import dev.kumo.sigma.Level;

/** Findings of one rule counted for some purpose (false positives). */
public record RuleTally(String id, String title, Level level, long findings) {}
