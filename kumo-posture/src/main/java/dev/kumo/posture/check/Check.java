package dev.kumo.posture.check;

import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;
import java.util.ArrayList;
import java.util.List;

/** A check: its metadata and its rule, run on every resource of its kind. */
public record Check(CheckMeta meta, Rule rule) {
  /** Runs on every resource of the kind; a rule that throws gives UNKNOWN naming the error. */
  public List<CheckResult> run(Inventory inventory, CheckContext context) {
    List<CheckResult> out = new ArrayList<>();
    for (Resource r : inventory.ofKind(meta.kind())) {
      Verdict v;
      try {
        v = rule.test(r, inventory, context);
      } catch (RuntimeException e) {
        v = new Verdict(Status.UNKNOWN, "check failed on this resource: " + e);
      }
      out.add(new CheckResult(meta, r, v.status(), v.detail(), "kumo"));
    }
    return out;
  }
}
