package dev.kumo.posture.prowler;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.Resource;
import java.util.List;

/**
 * What one Prowler OCSF file gave: one result per finding and resource, the problems skipped, and the resources
 * the findings name (so the services in use are known).
 */
public record ProwlerImport(List<CheckResult> results, List<InventoryProblem> problems, List<Resource> resources) {
  public ProwlerImport {
    results = List.copyOf(results);
    problems = List.copyOf(problems);
    resources = List.copyOf(resources);
  }
}
