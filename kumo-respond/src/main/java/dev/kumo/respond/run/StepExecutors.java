package dev.kumo.respond.run;

import dev.kumo.respond.plan.StepKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The executor of each step kind that has one; a kind without one becomes a manual step. */
public record StepExecutors(Map<StepKind, StepExecutor> byKind) {
  public StepExecutors {
    byKind = Collections.unmodifiableMap(byKind.isEmpty() ? new EnumMap<>(StepKind.class) : new EnumMap<>(byKind));
  }

  /** No executors: every step is manual. */
  public static StepExecutors none() {
    return new StepExecutors(Map.of());
  }

  public Optional<StepExecutor> of(StepKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }
}
