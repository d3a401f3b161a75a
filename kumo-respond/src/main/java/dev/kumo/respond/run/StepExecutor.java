package dev.kumo.respond.run;

import dev.kumo.respond.plan.PlannedStep;
import java.io.IOException;

/**
 * Carries out one kind of step. A failed call throws {@link dev.kumo.respond.aws.ResponseStepException}; an
 * executor never terminates or deletes anything.
 */
@FunctionalInterface
public interface StepExecutor {
  StepResult execute(PlannedStep step, RunContext context) throws IOException;
}
