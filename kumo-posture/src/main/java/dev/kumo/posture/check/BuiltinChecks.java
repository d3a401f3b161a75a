package dev.kumo.posture.check;

import dev.kumo.posture.check.aws.AwsComputeChecks;
import dev.kumo.posture.check.aws.AwsDatabaseChecks;
import dev.kumo.posture.check.aws.AwsIdentityChecks;
import dev.kumo.posture.check.aws.AwsKeyAndBillingChecks;
import dev.kumo.posture.check.aws.AwsLoggingChecks;
import dev.kumo.posture.check.aws.AwsNetworkChecks;
import dev.kumo.posture.check.aws.AwsStorageChecks;
import dev.kumo.posture.check.azure.AzureChecks;
import dev.kumo.posture.check.gcp.GcpChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Kumo's built-in checks: the bundled catalogs' metadata paired with the check sets' rules by id. */
public final class BuiltinChecks {
  /** Bundled catalog files, one per provider. */
  static final List<String> CATALOGS = List.of("checks/aws.yml", "checks/azure.yml", "checks/gcp.yml");

  private BuiltinChecks() {}

  /** The check sets whose rules are built in. */
  static List<CheckSet> sets() {
    return List.of(new AwsStorageChecks(), new AwsNetworkChecks(), new AwsComputeChecks(),
        new AwsDatabaseChecks(), new AwsIdentityChecks(), new AwsLoggingChecks(), new AwsKeyAndBillingChecks(),
        new AzureChecks(), new GcpChecks());
  }

  /**
   * Every built-in check, in catalog order.
   *
   * @throws IllegalStateException when a catalog entry has no rule or a rule has no catalog entry
   */
  public static List<Check> all() {
    Map<String, Rule> rules = new HashMap<>();
    for (CheckSet set : sets()) {
      set.rules().forEach((id, rule) -> {
        if (rules.put(id, rule) != null) {
          throw new IllegalStateException("two rules for check " + id);
        }
      });
    }
    List<Check> out = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String file : CATALOGS) {
      for (CheckMeta meta : CheckCatalog.bundled(file)) {
        Rule rule = rules.remove(meta.id());
        if (rule == null) {
          missing.add(meta.id());
        } else {
          out.add(new Check(meta, rule));
        }
      }
    }
    if (!missing.isEmpty() || !rules.isEmpty()) {
      throw new IllegalStateException("catalog entries without a rule: " + missing
          + "; rules without a catalog entry: " + new TreeSet<>(rules.keySet()));
    }
    return List.copyOf(out);
  }
}
