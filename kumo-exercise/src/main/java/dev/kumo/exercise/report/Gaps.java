package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.StepResult;
import java.util.Comparator;

/** Order of the gap tables: by technique, then scenario and step. */
final class Gaps {
  static final Comparator<StepResult> ORDER = Comparator.comparing((StepResult s) -> s.step().technique())
      .thenComparing(s -> s.step().key());

  private Gaps() {}
}
