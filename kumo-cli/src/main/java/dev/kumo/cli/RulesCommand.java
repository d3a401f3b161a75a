package dev.kumo.cli;

import picocli.CommandLine.Command;

/** {@code kumo rules}: lint, explain and test Sigma rules. */
@Command(name = "rules", description = "Check, explain and test Sigma rules.",
    subcommands = {RulesLintCommand.class, RulesExplainCommand.class, RulesTestCommand.class},
    footer = {"", "Examples:",
        "  kumo rules lint ./sigma/rules",
        "  kumo rules explain kumo_aws_cloudtrail_logging_stopped",
        "  kumo rules test",
        "  kumo rules test ./my-rules --require-tests"})
final class RulesCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
