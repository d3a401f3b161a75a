package dev.kumo.posture.check.aws;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small inventories for the AWS check-set tests. */
final class Fixtures {
  static final String ACCOUNT = "111122223333";
  static final String REGION = "eu-west-1";
  static final CheckContext CONTEXT = CheckContext.at(Instant.parse("2026-01-01T00:00:00Z"));

  private Fixtures() {}

  static Resource aws(String kind, String id, Facts facts) {
    return new Resource(Provider.AWS, kind, id, id, ACCOUNT, REGION, facts, "test");
  }

  static Facts.Builder facts() {
    return Facts.builder();
  }

  static PolicyDocument policy(String json) {
    return PolicyDocument.parse(json);
  }

  /** The status of check {@code id} of {@code set} on {@code target}, in an inventory of target plus others. */
  static Status status(CheckSet set, String id, Resource target, Resource... others) {
    List<Resource> all = new ArrayList<>(List.of(others));
    all.add(target);
    Inventory inv = new Inventory(all, List.of());
    Resource r = inv.byId(target.id());
    return set.rules().get(id).test(r == null ? target : r, inv, CONTEXT).status();
  }

  /** The status of a check on the synthetic account (or region) scope of an inventory. */
  static Status scopeStatus(CheckSet set, String id, String scopeKind, Resource... resources) {
    Inventory inv = new Inventory(List.of(resources), List.of());
    Resource scope = inv.ofKind(scopeKind).get(0);
    return set.rules().get(id).test(scope, inv, CONTEXT).status();
  }
}
