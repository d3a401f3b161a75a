package dev.kumo.posture.check.aws;

import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;
import java.util.List;

/** Small rule builders shared by the AWS check sets. */
final class AwsRules {
  private AwsRules() {}

  /**
   * A rule on one boolean fact: pass when it equals {@code good}, unknown when absent.
   *
   * @param passDetail said on pass, {@code failDetail} on fail
   */
  static Rule flag(String fact, boolean good, String passDetail, String failDetail) {
    return (r, inv, ctx) -> {
      Boolean v = r.facts().bool(fact);
      if (v == null) {
        return Verdict.unknown(fact);
      }
      return Verdict.of(v == good, passDetail, failDetail);
    };
  }

  /** The resources of {@code kind} in the same account (and region when {@code sameRegion}) as {@code scope}. */
  static List<Resource> near(Inventory inv, String kind, Resource scope, boolean sameRegion) {
    return inv.inAccount(kind, scope).stream()
        .filter(r -> !sameRegion || r.region().equals(scope.region())).toList();
  }
}
