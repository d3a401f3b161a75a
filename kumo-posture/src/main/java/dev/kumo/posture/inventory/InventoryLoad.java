package dev.kumo.posture.inventory;

import java.util.List;

/** What one reader got from one file or folder: resources, and problems it skipped. */
public record InventoryLoad(List<Resource> resources, List<InventoryProblem> problems) {
  public InventoryLoad {
    resources = List.copyOf(resources);
    problems = List.copyOf(problems);
  }
}
