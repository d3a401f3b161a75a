package dev.kumo.posture.check.aws;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.time.Instant;
import java.util.List;

/** Small builders for check tests. */
final class IdentityFixtures {
  static final String ACCOUNT = "111122223333";
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final CheckContext CTX = CheckContext.at(NOW);

  private IdentityFixtures() {}

  static Resource res(String kind, String id, String region, Object... facts) {
    Facts.Builder f = Facts.builder();
    for (int i = 0; i < facts.length; i += 2) {
      f.put((String) facts[i], facts[i + 1]);
    }
    return new Resource(Provider.AWS, kind, id, id.substring(id.lastIndexOf('/') + 1), ACCOUNT, region, f.build(),
        "test");
  }

  static Resource region(String region) {
    return new Resource(Provider.AWS, "aws.region", Inventory.scopeId(Provider.AWS, ACCOUNT, region), region,
        ACCOUNT, region, Facts.EMPTY, "inventory");
  }

  static Resource account() {
    return new Resource(Provider.AWS, "aws.account", Inventory.scopeId(Provider.AWS, ACCOUNT, ""), ACCOUNT,
        ACCOUNT, "", Facts.EMPTY, "inventory");
  }

  /** Runs {@code check} of {@code set} on {@code subject} within an inventory of {@code others}. */
  static Status run(CheckSet set, String check, Resource subject, Resource... others) {
    Inventory inv = new Inventory(List.of(others), List.of());
    return set.rules().get(check).test(subject, inv, CTX).status();
  }

  static Instant daysAgo(long days) {
    return NOW.minusSeconds(days * 86_400);
  }
}
