package dev.kumo.respond.plan;

import java.util.List;

/** The calls one provider makes for a step kind, and how it does it, in words. */
interface CallRenderer {
  /**
   * The calls and the explanation of {@code step} of a playbook answering {@code threat}, for {@code targets};
   * refused (IllegalArgumentException) for a kind the provider lacks.
   */
  Rendered render(PlaybookStep step, PlanTargets targets, String threat);

  record Rendered(List<ApiCall> calls, String how) {}
}
