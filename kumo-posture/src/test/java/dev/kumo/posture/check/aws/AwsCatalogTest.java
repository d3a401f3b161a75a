package dev.kumo.posture.check.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.inventory.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsCatalogTest {
  @Test
  void builtinChecks_pairEveryAwsCatalogEntryWithARule() {
    List<Check> aws = BuiltinChecks.all().stream().filter(c -> c.meta().provider() == Provider.AWS).toList();
    assertThat(aws).extracting(c -> c.meta().id()).contains("aws-s3-bucket-public-read",
        "aws-ec2-sg-admin-ports-open", "aws-ec2-imdsv1-allowed", "aws-rds-snapshot-public", "aws-backup-no-plan");
    for (Check c : aws) {
      assertThat(c.meta().telemetry()).as(c.meta().id()).isNotEmpty();
      assertThat(c.meta().kind()).as(c.meta().id()).startsWith("aws.");
    }
  }
}
