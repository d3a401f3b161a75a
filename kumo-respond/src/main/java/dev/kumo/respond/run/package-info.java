/**
 * Runs response plans: a dry run prints every call; an execution runs each step through a {@link
 * dev.kumo.respond.run.StepExecutor}, records every call in the custody ledger and each step's outcome in a
 * state file, resumes from the first unfinished step, and never lets a state change follow a failed evidence
 * step ({@link dev.kumo.respond.run.PlanRunner}).
 */
@NullMarked
package dev.kumo.respond.run;

import org.jspecify.annotations.NullMarked;
