package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.IdentityFixtures.ACCOUNT;
import static dev.kumo.posture.check.aws.IdentityFixtures.account;
import static dev.kumo.posture.check.aws.IdentityFixtures.daysAgo;
import static dev.kumo.posture.check.aws.IdentityFixtures.res;
import static dev.kumo.posture.check.aws.IdentityFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsIdentityChecksTest {
  private static final AwsIdentityChecks SET = new AwsIdentityChecks();
  private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
  private static final String ADMIN_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static Resource user(Object... facts) {
    return res("aws.iam.user", "arn:aws:iam::" + ACCOUNT + ":user/alice", "", facts);
  }

  private static Resource role(String trust, Object... more) {
    Object[] facts = new Object[more.length + 2];
    facts[0] = "trust_policy";
    facts[1] = PolicyDocument.parse(trust);
    System.arraycopy(more, 0, facts, 2, more.length);
    return res("aws.iam.role", "arn:aws:iam::" + ACCOUNT + ":role/app", "", facts);
  }

  @Test
  void rootMfa_passFailUnknown() {
    assertThat(run(SET, "aws-iam-root-mfa", res("aws.iam.root", ROOT, "", "mfa_enabled", true)))
        .isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-root-mfa", res("aws.iam.root", ROOT, "", "mfa_enabled", false)))
        .isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-root-mfa", res("aws.iam.root", ROOT, ""))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void rootHardwareMfa_virtualDeviceFails_noMfaFails() {
    assertThat(run(SET, "aws-iam-root-hardware-mfa",
        res("aws.iam.root", ROOT, "", "mfa_enabled", true, "hardware_mfa", true))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-root-hardware-mfa",
        res("aws.iam.root", ROOT, "", "mfa_enabled", true, "hardware_mfa", false))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-root-hardware-mfa", res("aws.iam.root", ROOT, "", "mfa_enabled", false)))
        .isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-root-hardware-mfa", res("aws.iam.root", ROOT, "", "mfa_enabled", true)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void rootAccessKeys_presentFails() {
    assertThat(run(SET, "aws-iam-root-access-keys", res("aws.iam.root", ROOT, "", "access_keys_present", true)))
        .isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-root-access-keys", res("aws.iam.root", ROOT, "", "access_keys_present", false)))
        .isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-root-access-keys", res("aws.iam.root", ROOT, ""))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void consoleMfa_onlyUsersWithPasswordsNeedMfa() {
    assertThat(run(SET, "aws-iam-user-console-mfa", user("password_enabled", false))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-user-console-mfa", user("password_enabled", true, "mfa_enabled", false)))
        .isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-user-console-mfa", user("password_enabled", true))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void keyRotation_activeOldKeyFails_inactiveIgnored() {
    AccessKey old = new AccessKey("AKIAOLD", true, daysAgo(200), daysAgo(1), false);
    AccessKey oldInactive = new AccessKey("AKIAOFF", false, daysAgo(900), null, true);
    AccessKey fresh = new AccessKey("AKIANEW", true, daysAgo(10), daysAgo(1), false);
    assertThat(run(SET, "aws-iam-access-key-rotation", user("access_keys", List.of(old)))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-access-key-rotation", user("access_keys", List.of(fresh, oldInactive))))
        .isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-access-key-rotation",
        user("access_keys", List.of(new AccessKey("AKIA", true, null, null, false))))).isEqualTo(Status.UNKNOWN);
    assertThat(run(SET, "aws-iam-access-key-rotation", user())).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void keyUnused_neverUsedOldKeyFails_recentUsePasses() {
    AccessKey neverUsedOld = new AccessKey("AKIA1", true, daysAgo(60), null, true);
    AccessKey neverUsedNew = new AccessKey("AKIA2", true, daysAgo(5), null, true);
    AccessKey idle = new AccessKey("AKIA3", true, daysAgo(400), daysAgo(100), false);
    AccessKey unknownUse = new AccessKey("AKIA4", true, daysAgo(400), null, false);
    assertThat(run(SET, "aws-iam-access-key-unused", user("access_keys", List.of(neverUsedOld))))
        .isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-access-key-unused", user("access_keys", List.of(idle)))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-access-key-unused", user("access_keys", List.of(neverUsedNew))))
        .isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-access-key-unused", user("access_keys", List.of(unknownUse))))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void passwordUnused_neverUsedJudgedFromLastChange() {
    assertThat(run(SET, "aws-iam-password-unused", user("password_enabled", true,
        "password_last_used", daysAgo(100)))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-password-unused", user("password_enabled", true,
        "password_never_used", true, "password_last_changed", daysAgo(3)))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-password-unused", user("password_enabled", true))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void directPolicies_anyUserPolicyFails_needsBothLists() {
    assertThat(run(SET, "aws-iam-user-direct-policies", user("attached_policy_names", List.of("ReadOnlyAccess"),
        "inline_policy_names", List.of()))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-user-direct-policies", user("attached_policies", List.of(),
        "inline_policies", List.of()))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-user-direct-policies", user("attached_policies", List.of())))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void policyAdmin_unattachedAdminPolicyStillFails() {
    Resource admin = res("aws.iam.policy", "arn:aws:iam::" + ACCOUNT + ":policy/all", "",
        "document", PolicyDocument.parse(ADMIN_DOC), "attachment_count", 0L, "aws_managed", false);
    Resource narrow = res("aws.iam.policy", "arn:aws:iam::" + ACCOUNT + ":policy/s3", "", "document",
        PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"));
    assertThat(run(SET, "aws-iam-policy-admin", admin)).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-policy-admin", narrow)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-policy-service-wildcard", narrow)).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-policy-service-wildcard", admin)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-policy-admin", res("aws.iam.policy", "arn:aws:iam::1:policy/x", "")))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void workloadRoleAdmin_ec2RoleWithAdministratorAccessFails() {
    Resource ec2Admin = role(EC2_TRUST, "attached_policies", List.of(AwsIdentityChecks.ADMIN_POLICY_ARN),
        "inline_policies", List.of());
    assertThat(run(SET, "aws-iam-workload-role-admin", ec2Admin)).isEqualTo(Status.FAIL);
  }

  @Test
  void workloadRoleAdmin_customerPolicyInInventoryDecides() {
    String arn = "arn:aws:iam::" + ACCOUNT + ":policy/everything";
    Resource policy = res("aws.iam.policy", arn, "", "document", PolicyDocument.parse(ADMIN_DOC));
    Resource r = role(EC2_TRUST, "attached_policies", List.of(arn), "inline_policies", List.of());
    assertThat(run(SET, "aws-iam-workload-role-admin", r, policy)).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-workload-role-admin", r)).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void workloadRoleAdmin_humanRoleOrNarrowRightsPass() {
    String human = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    assertThat(run(SET, "aws-iam-workload-role-admin", role(human, "attached_policies",
        List.of(AwsIdentityChecks.ADMIN_POLICY_ARN)))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-workload-role-admin", role(EC2_TRUST, "attached_policies",
        List.of("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"), "inline_policies", List.of())))
        .isEqualTo(Status.PASS);
  }

  @Test
  void trustAnyPrincipal_starOrExternalAccountWithoutExternalIdFails() {
    String star = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":\"sts:AssumeRole\"}]}";
    String vendor = "{\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    String vendorWithId = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x1\"}}}]}";
    assertThat(run(SET, "aws-iam-role-trust-any-principal", role(star))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-role-trust-any-principal", role(vendor))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-role-trust-any-principal", role(vendorWithId))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-role-trust-any-principal", role(EC2_TRUST))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-role-trust-any-principal", res("aws.iam.role", "arn:aws:iam::1:role/x", "")))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void passwordPolicy_cisThresholds_missingPolicyFails_noDataUnknown() {
    String id = "arn:aws:iam::" + ACCOUNT + ":password-policy";
    assertThat(run(SET, "aws-iam-password-policy-weak", account(), res("aws.iam.password_policy", id, "",
        "present", true, "minimum_length", 14L, "reuse_prevention", 24L))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-iam-password-policy-weak", account(), res("aws.iam.password_policy", id, "",
        "present", true, "minimum_length", 8L, "reuse_prevention", 24L))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-password-policy-weak", account(), res("aws.iam.password_policy", id, "",
        "present", false))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-iam-password-policy-weak", account())).isEqualTo(Status.UNKNOWN);
  }
}
