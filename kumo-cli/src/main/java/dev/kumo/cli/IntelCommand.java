package dev.kumo.cli;

import picocli.CommandLine.Command;

/** {@code kumo intel}: the local intel store (import, pull, list, stats, remove) and sightings out (export). */
@Command(name = "intel", description = "Threat intel: import feeds into the local intel store that hunts use by "
    + "default, pull TAXII collections, show what is loaded, and export sightings.",
    subcommands = {IntelImportCommand.class, IntelPullCommand.class, IntelListCommand.class, IntelStatsCommand.class,
        IntelRemoveCommand.class, IntelExportCommand.class},
    footer = {"", "Examples:",
        "  kumo intel import ./feeds/crypto_mining.txt ./misp-feed/ ./bundle.json",
        "  kumo intel pull https://taxii.example.org/api1/ --collection 91a7b528-80eb-42ed-a74d-c6fbd5a26116",
        "  kumo intel stats",
        "  kumo hunt ./AWSLogs --intel ./more-iocs.csv -o findings.jsonl --format jsonl",
        "  kumo intel export findings.jsonl --format stix -o sightings.json"})
final class IntelCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
