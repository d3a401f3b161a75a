package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.exercise.drill.PackCoverage;
import dev.kumo.posture.PostureInputs;
import dev.kumo.posture.PostureResult;
import dev.kumo.posture.PostureScanner;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.rank.DetectionCoverage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code posture} and {@code dead-spots}: the inventory exports, the time, the rules. */
public final class InventoryOptions {
  @Option(names = "--inventory", paramLabel = "PATH",
      description = "Cloud inventory export, file or folder (repeatable): AWS Config snapshot or items, AWS CLI "
          + "output folder, Azure Resource Graph, GCP Cloud Asset Inventory, Terraform plan/state JSON "
          + "(terraform show -json), Panther snapshots, or Prowler OCSF findings (imported).")
  List<Path> inventory = new ArrayList<>();

  @Option(names = "--inventory-format", paramLabel = "FORMAT",
      description = "Read every --inventory as this format instead of telling it from the content: aws-config, "
          + "aws-cli, azure-resource-graph, gcp-asset-inventory, terraform, panther, prowler.")
  String inventoryFormat;

  @Option(names = "--prowler", paramLabel = "FILE",
      description = "Prowler --output-formats json-ocsf file to import (repeatable); same as --inventory FILE.")
  List<Path> prowler = new ArrayList<>();

  @Option(names = "--now", paramLabel = "TIME",
      description = "Evaluate as of this time (ISO-8601, e.g. 2026-11-26T12:00:00Z; default: now), for key and "
          + "password ages and attestation dates: makes reports reproducible.")
  Instant now;

  @Option(names = "--mutelist", paramLabel = "FILE",
      description = "Accepted risks, in the hunt's YAML mutelist format: an entry (with reason, owner, expiry) mutes "
          + "failing checks matching its rules (check ids), account, region and resource globs. Repeatable.")
  List<Path> mutelists = new ArrayList<>();

  @Mixin
  RuleOptions ruleOptions = new RuleOptions();

  Clock clock() {
    return now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
  }

  /**
   * Loads the exports and scans them with every built-in check; problems met while reading go to {@code err}.
   *
   * @throws IllegalArgumentException for an unknown format
   */
  Scan scan(PrintWriter err) throws IOException {
    List<PostureInputs.Input> inputs = new ArrayList<>();
    inventory.forEach(p -> inputs.add(new PostureInputs.Input(p, inventoryFormat)));
    prowler.forEach(p -> inputs.add(new PostureInputs.Input(p, PostureInputs.PROWLER)));
    PostureInputs.Loaded loaded = new PostureInputs().load(inputs);
    for (InventoryProblem p : loaded.inventory().problems()) {
      err.println("kumo: skipped: " + Sanitize.terminal(p.toString()));
    }
    DetectionCoverage coverage = DetectionCoverage.of(PackCoverage.of(ruleOptions.load()));
    List<Check> checks = BuiltinChecks.all();
    PostureResult result = new PostureScanner(checks, coverage, clock(), ruleOptions.mutelist(mutelists))
        .scan(loaded.inventory(), loaded.imported());
    return new Scan(loaded, result, coverage);
  }

  /** A loaded and scanned inventory, with the detection coverage it was ranked with. */
  record Scan(PostureInputs.Loaded loaded, PostureResult result, DetectionCoverage coverage) {
    /** True when nothing at all was read. */
    boolean empty() {
      return loaded.read().isEmpty();
    }
  }
}
