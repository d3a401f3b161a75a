package dev.kumo.cli;

import picocli.CommandLine.Command;

/** {@code kumo evidence}: check a case's chain of custody, and export it for an auditor. */
@Command(name = "evidence", description = "Chain of custody: verify a case's custody ledger (hash chain, artifact "
    + "hashes, signatures) and export it with a SHA256SUMS manifest.",
    subcommands = {EvidenceVerifyCommand.class, EvidenceExportCommand.class},
    footer = {"", "Examples:",
        "  kumo evidence verify ./case-42",
        "  kumo evidence verify ./case-42 --public-key responder.pub",
        "  kumo evidence export ./case-42 -o ./case-42-evidence"})
final class EvidenceCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
