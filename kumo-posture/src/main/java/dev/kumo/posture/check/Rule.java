package dev.kumo.posture.check;

import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;

/** The logic of one check: its verdict on one resource of the check's kind. Must not throw. */
@FunctionalInterface
public interface Rule {
  Verdict test(Resource resource, Inventory inventory, CheckContext context);
}
