package dev.kumo.cli;

import picocli.CommandLine.Command;

/** {@code kumo respond}: response plans that preserve evidence before they change anything. */
@Command(name = "respond", description = "Respond without destroying evidence: ordered, explained plans per threat "
    + "(record state, protect, isolate, cut identity, snapshot to a forensic account, collect logs, redeploy from a "
    + "known-good image; never terminate).",
    subcommands = {RespondPlanCommand.class, RespondRunCommand.class},
    footer = {"", "Examples:",
        "  kumo respond plan --list",
        "  kumo respond plan --instance i-0abc1234def567890 --account 111122223333 --region us-east-1 --case-id case-7",
        "  kumo respond plan --access-key AKIAIOSFODNN7EXAMPLE --account 111122223333 --format json",
        "  kumo respond plan --instance i-0abc1234def567890 --account 111122223333 --region us-east-1 --provider gcp",
        "  kumo respond run --instance i-0abc1234def567890 --account 111122223333 --region us-east-1 --case-id case-7",
        "  kumo respond run --case DIR --incident INC-1 --image ami-0a1b2c3d --trusted-image-owner 111122223333 --execute"})
final class RespondCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
