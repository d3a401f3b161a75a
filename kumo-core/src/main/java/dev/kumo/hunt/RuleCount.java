package dev.kumo.hunt;

import dev.kumo.sigma.Level;
import org.jspecify.annotations.Nullable;

/** How many findings one rule produced. */
public record RuleCount(String ruleId, String title, Level level, @Nullable String author, String source, long count) {}
