package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.Fixtures.aws;
import static dev.kumo.posture.check.aws.Fixtures.facts;
import static dev.kumo.posture.check.aws.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

class AwsDatabaseChecksTest {
  private static final AwsDatabaseChecks SET = new AwsDatabaseChecks();

  private static Resource db(Facts.Builder f) {
    return aws("aws.rds.instance", "arn:aws:rds:eu-west-1:111122223333:db:d", f.build());
  }

  @Test
  void rdsBackups_retentionZero_fails_seven_passes_absent_unknown() {
    assertThat(status(SET, "aws-rds-backups-off", db(facts().put("backup_retention_days", 0L))))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-rds-backups-off", db(facts().put("backup_retention_days", 7L))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-rds-backups-off", db(facts()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void rdsInstanceFlags_passFailUnknown() {
    assertThat(status(SET, "aws-rds-instance-public", db(facts().put("publicly_accessible", true))))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-rds-instance-unencrypted", db(facts().put("encrypted", true))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-rds-deletion-protection-off", db(facts()))).isEqualTo(Status.UNKNOWN);
    assertThat(status(SET, "aws-rds-auto-minor-upgrade-off", db(facts().put("auto_minor_version_upgrade", false))))
        .isEqualTo(Status.FAIL);
  }

  @Test
  void snapshotsAndRedshift_passFail() {
    assertThat(status(SET, "aws-rds-snapshot-public", aws("aws.rds.snapshot", "s", facts().put("public", true)
        .build()))).isEqualTo(Status.FAIL);
    Resource cluster = aws("aws.redshift.cluster", "arn:aws:redshift:eu-west-1:111122223333:cluster:c",
        facts().put("publicly_accessible", false).put("encrypted", false).put("logging", true).build());
    assertThat(status(SET, "aws-redshift-cluster-public", cluster)).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-redshift-cluster-unencrypted", cluster)).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-redshift-audit-logging-off", cluster)).isEqualTo(Status.PASS);
  }
}
