package dev.kumo.posture.check.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsIdentityCatalogTest {
  @Test
  void builtinChecks_pairEveryIdentityLoggingKeyAndBillingRuleWithItsCatalogEntry() {
    List<String> ids = BuiltinChecks.all().stream().map(c -> c.meta().id()).toList();
    assertThat(ids).contains("aws-iam-root-mfa", "aws-iam-workload-role-admin", "aws-cloudtrail-region-off",
        "aws-guardduty-region-off", "aws-kms-key-deletion-unprotected", "aws-billing-no-budget-or-alarm");
    for (var set : List.of(new AwsIdentityChecks(), new AwsLoggingChecks(), new AwsKeyAndBillingChecks())) {
      assertThat(ids).containsAll(set.rules().keySet());
    }
  }

  @Test
  void catalog_identityEntriesCarryTelemetryAndCommands() {
    for (Check c : BuiltinChecks.all()) {
      if (new AwsIdentityChecks().rules().containsKey(c.meta().id())) {
        assertThat(c.meta().telemetry()).as(c.meta().id()).isNotEmpty();
        assertThat(c.meta().command()).as(c.meta().id()).isNotEmpty();
      }
    }
  }
}
