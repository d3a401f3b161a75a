package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.Fixtures.aws;
import static dev.kumo.posture.check.aws.Fixtures.facts;
import static dev.kumo.posture.check.aws.Fixtures.policy;
import static dev.kumo.posture.check.aws.Fixtures.scopeStatus;
import static dev.kumo.posture.check.aws.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsStorageChecksTest {
  private static final AwsStorageChecks SET = new AwsStorageChecks();
  private static final String PUBLIC_GET = """
      {"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

  private static Facts.Builder closedBucket() {
    return facts().put("acl_grants", List.of("owner:FULL_CONTROL")).put("has_policy", false)
        .put("block_public_acls", false).put("ignore_public_acls", false).put("block_public_policy", false)
        .put("restrict_public_buckets", false);
  }

  private static Resource bucket(Facts.Builder f) {
    return aws("aws.s3.bucket", "arn:aws:s3:::b", f.build());
  }

  private static Resource accountSettings(boolean on) {
    return aws("aws.s3.account_settings", "arn:aws:s3:::account/" + Fixtures.ACCOUNT, facts()
        .put("block_public_acls", on).put("ignore_public_acls", on).put("block_public_policy", on)
        .put("restrict_public_buckets", on).build());
  }

  @Test
  void publicRead_bucketWithoutGrantsOrPolicy_passes() {
    assertThat(status(SET, "aws-s3-bucket-public-read", bucket(closedBucket()))).isEqualTo(Status.PASS);
  }

  @Test
  void publicRead_allUsersReadGrant_fails() {
    Resource b = bucket(closedBucket().put("acl_grants", List.of("AllUsers:READ")));
    assertThat(status(SET, "aws-s3-bucket-public-read", b)).isEqualTo(Status.FAIL);
  }

  @Test
  void publicRead_publicPolicyCancelledByAccountRestrictPublicBuckets_passes() {
    Resource b = bucket(closedBucket().put("has_policy", true).put("policy", policy(PUBLIC_GET)));
    assertThat(status(SET, "aws-s3-bucket-public-read", b)).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-s3-bucket-public-read", b, accountSettings(true))).isEqualTo(Status.PASS);
  }

  @Test
  void publicRead_grantCancelledByBucketIgnorePublicAcls_passes() {
    Resource b = bucket(closedBucket().put("acl_grants", List.of("AuthenticatedUsers:FULL_CONTROL"))
        .put("ignore_public_acls", true));
    assertThat(status(SET, "aws-s3-bucket-public-read", b)).isEqualTo(Status.PASS);
  }

  @Test
  void publicRead_grantsNotExported_isUnknown() {
    Resource b = bucket(facts().put("has_policy", false).put("ignore_public_acls", false)
        .put("restrict_public_buckets", false));
    assertThat(status(SET, "aws-s3-bucket-public-read", b)).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void publicWrite_readGrantOnly_passes_writeGrant_fails() {
    assertThat(status(SET, "aws-s3-bucket-public-write", bucket(closedBucket()
        .put("acl_grants", List.of("AllUsers:READ"))))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-s3-bucket-public-write", bucket(closedBucket()
        .put("acl_grants", List.of("AllUsers:WRITE"))))).isEqualTo(Status.FAIL);
  }

  @Test
  void bucketPublicAccessBlock_accountLevelOn_passes_elseFails_absentUnknown() {
    assertThat(status(SET, "aws-s3-bucket-public-access-block", bucket(closedBucket()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-s3-bucket-public-access-block", bucket(closedBucket()), accountSettings(true)))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-s3-bucket-public-access-block", bucket(facts()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void accountPublicAccessBlock_withoutAccountSettings_isUnknown() {
    assertThat(scopeStatus(SET, "aws-s3-account-public-access-block", "aws.account", bucket(closedBucket())))
        .isEqualTo(Status.UNKNOWN);
    assertThat(scopeStatus(SET, "aws-s3-account-public-access-block", "aws.account", accountSettings(true)))
        .isEqualTo(Status.PASS);
    assertThat(scopeStatus(SET, "aws-s3-account-public-access-block", "aws.account", accountSettings(false)))
        .isEqualTo(Status.FAIL);
  }

  @Test
  void sslOnly_denyOnInsecureTransport_passes_noPolicy_fails_unknownPolicy_unknown() {
    Resource deny = bucket(closedBucket().put("has_policy", true).put("policy", policy("""
        {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
         "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""")));
    assertThat(status(SET, "aws-s3-bucket-ssl-only", deny)).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-s3-bucket-ssl-only", bucket(closedBucket()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-s3-bucket-ssl-only", bucket(facts().put("has_policy", true))))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void versioningAndEncryption_passFailUnknown() {
    assertThat(status(SET, "aws-s3-bucket-versioning", bucket(facts().put("versioning", "Enabled"))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-s3-bucket-versioning", bucket(facts().put("versioning", "Suspended"))))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-s3-bucket-versioning", bucket(facts()))).isEqualTo(Status.UNKNOWN);
    assertThat(status(SET, "aws-s3-bucket-encryption", bucket(facts().put("encryption", "none"))))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-s3-bucket-object-lock", bucket(facts()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void backupNoPlan_decidesOnlyWhenTheExportCoversBackup() {
    Resource db = aws("aws.rds.instance", "arn:aws:rds:eu-west-1:111122223333:db:x", facts().build());
    Resource vault = aws("aws.backup.vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:v",
        facts().put("locked", false).build());
    Resource plan = aws("aws.backup.plan", "arn:aws:backup:eu-west-1:111122223333:backup-plan:p",
        facts().put("rules", 1L).build());
    assertThat(scopeStatus(SET, "aws-backup-no-plan", "aws.account", db)).isEqualTo(Status.UNKNOWN);
    assertThat(scopeStatus(SET, "aws-backup-no-plan", "aws.account", db, vault)).isEqualTo(Status.FAIL);
    assertThat(scopeStatus(SET, "aws-backup-no-plan", "aws.account", db, vault, plan)).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-backup-vault-unlocked", vault)).isEqualTo(Status.FAIL);
  }
}
