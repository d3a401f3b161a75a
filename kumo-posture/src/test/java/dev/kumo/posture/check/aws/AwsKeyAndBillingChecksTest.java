package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.IdentityFixtures.ACCOUNT;
import static dev.kumo.posture.check.aws.IdentityFixtures.account;
import static dev.kumo.posture.check.aws.IdentityFixtures.res;
import static dev.kumo.posture.check.aws.IdentityFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class AwsKeyAndBillingChecksTest {
  private static final AwsKeyAndBillingChecks SET = new AwsKeyAndBillingChecks();
  private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
  /** The statement every default key policy starts with. */
  private static final String ROOT_STATEMENT = "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";

  private static Resource key(Object... facts) {
    return res("aws.kms.key", KEY, "us-east-1", facts);
  }

  private static PolicyDocument policy(String... statements) {
    return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
  }

  @Test
  void rotation_customerEnabledKeyWithoutRotationFails_awsManagedPasses() {
    assertThat(run(SET, "aws-kms-key-rotation-off", key("key_manager", "CUSTOMER", "key_state", "Enabled",
        "rotation_enabled", false))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-kms-key-rotation-off", key("key_manager", "CUSTOMER", "key_state", "Enabled",
        "rotation_enabled", true))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-kms-key-rotation-off", key("key_manager", "AWS"))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-kms-key-rotation-off", key("key_manager", "CUSTOMER", "key_state", "Enabled")))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void pendingDeletion_failsOnlyForScheduledKeys() {
    assertThat(run(SET, "aws-kms-key-pending-deletion", key("key_state", "PendingDeletion"))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-kms-key-pending-deletion", key("key_state", "Enabled"))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-kms-key-pending-deletion", key())).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void deletionUnprotected_defaultKeyPolicyPasses() {
    assertThat(run(SET, "aws-kms-key-deletion-unprotected", key("key_manager", "CUSTOMER",
        "policy", policy(ROOT_STATEMENT)))).isEqualTo(Status.PASS);
  }

  @Test
  void deletionUnprotected_keyAdminRoleWithoutMfaFails_withMfaPasses() {
    String admins = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":role/ops\"},"
        + "\"Action\":[\"kms:Create*\",\"kms:ScheduleKeyDeletion\",\"kms:CancelKeyDeletion\"],\"Resource\":\"*\"}";
    String adminsMfa = admins.substring(0, admins.length() - 1)
        + ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}";
    assertThat(run(SET, "aws-kms-key-deletion-unprotected", key("key_manager", "CUSTOMER",
        "policy", policy(ROOT_STATEMENT, admins)))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-kms-key-deletion-unprotected", key("key_manager", "CUSTOMER",
        "policy", policy(ROOT_STATEMENT, adminsMfa)))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-kms-key-deletion-unprotected", key("key_manager", "CUSTOMER"))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void deletionUnprotected_everyoneWithKmsStarFails() {
    String open = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    assertThat(run(SET, "aws-kms-key-deletion-unprotected", key("key_manager", "CUSTOMER",
        "policy", policy(open)))).isEqualTo(Status.FAIL);
  }

  @Test
  void billing_budgetWithNotificationsOrBillingAlarmPasses() {
    Resource budget = res("aws.budgets.budget", "arn:aws:budgets::" + ACCOUNT + ":budget/monthly", "",
        "budget_type", "COST", "has_notifications", true);
    Resource alarm = res("aws.cloudwatch.alarm", "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:bill",
        "us-east-1", "metric_name", "EstimatedCharges", "namespace", "AWS/Billing", "actions_enabled", true);
    Resource silentBudget = res("aws.budgets.budget", "arn:aws:budgets::" + ACCOUNT + ":budget/quiet", "",
        "budget_type", "COST", "has_notifications", false);
    assertThat(run(SET, "aws-billing-no-budget-or-alarm", account(), budget)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-billing-no-budget-or-alarm", account(), alarm)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-billing-no-budget-or-alarm", account(), silentBudget)).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-billing-no-budget-or-alarm", account())).isEqualTo(Status.UNKNOWN);
  }
}
