package dev.kumo.detector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import org.junit.jupiter.api.Test;

class IdentityHelpersTest {

  @Test
  void userAgentFamily_dropsVersionsAndPlatforms() {
    assertThat(UserAgents.family("aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64")).isEqualTo("aws-cli");
    assertThat(UserAgents.family("aws-cli/1.18.69 Python/3.8 botocore/1.17.2")).isEqualTo("aws-cli");
    assertThat(UserAgents.family("Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux")).isEqualTo("boto3");
    assertThat(UserAgents.family("[Botocore/1.31.0 Python/3.10]")).isEqualTo("boto3");
    assertThat(UserAgents.family("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/125.0")).isEqualTo("browser");
    assertThat(UserAgents.family("APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) "
        + "terraform-provider-aws/5.17.0 aws-sdk-go-v2/1.21.0")).isEqualTo("terraform");
    assertThat(UserAgents.family("aws-sdk-go/1.44.0 (go1.19; linux; amd64) APN/1.0 HashiCorp/1.0 Terraform/1.3.0"))
        .isEqualTo("terraform");
    assertThat(UserAgents.family("aws-sdk-go-v2/1.21.0 os/linux lang/go#1.20")).isEqualTo("aws-sdk-go");
    assertThat(UserAgents.family("aws-sdk-nodejs/2.1500.0 linux/v18.17.0")).isEqualTo("aws-sdk-js");
    assertThat(UserAgents.family("python-requests/2.31.0")).isEqualTo("python-requests");
    assertThat(UserAgents.family("stratus-red-team_ea782787-a65d-4fc4-9fca-1c97869a9a25"))
        .isEqualTo("stratus-red-team");
    assertThat(UserAgents.family("s3fs/1.93")).isEqualTo("s3fs");
  }

  @Test
  void userAgentFamily_marksPenetrationTestingDistributions() {
    assertThat(UserAgents.family("aws-cli/2.15.0 md/distrib#kali.2024 os/linux")).isEqualTo("aws-cli@kali");
    assertThat(UserAgents.family("Boto3/1.34 os/linux#6.5.0-parrot1-amd64")).isEqualTo("boto3@parrot");
    assertThat(UserAgents.family("aws-cli/2.15.0 md/kalimba")).isEqualTo("aws-cli");
  }

  @Test
  void userAgentFamily_ignoresServicesAndEmptyAgents() {
    assertThat(UserAgents.family(null)).isNull();
    assertThat(UserAgents.family("  ")).isNull();
    assertThat(UserAgents.family("AWS Internal")).isNull();
    assertThat(UserAgents.family("ec2.amazonaws.com")).isNull();
    assertThat(UserAgents.family("aws-internal/3 aws-sdk-java/1.12.581")).isNull();
    assertThat(UserAgents.family("console.amazonaws.com")).isEqualTo("browser");
  }

  @Test
  void stablePrincipal_isTheRoleOfASession() {
    Actor withIssuer = new Actor("AssumedRole", "arn:aws:sts::1:assumed-role/web/i-1", null, null, "ASIA",
        "arn:aws:iam::111122223333:role/path/web", null, null, null);
    Actor withoutIssuer = new Actor("AssumedRole", "arn:aws-cn:sts::111122223333:assumed-role/web/i-1", null, null,
        null, null, null, null, null);
    Actor user = new Actor("IAMUser", "arn:aws:iam::111122223333:user/alice", null, null, null, null, null, null,
        null);
    Actor crossAccount = new Actor("AWSAccount", null, "AROAX:s", null, null, null, null, null, null);

    assertThat(Identities.stablePrincipal(withIssuer)).isEqualTo("arn:aws:iam::111122223333:role/path/web");
    assertThat(Identities.stablePrincipal(withoutIssuer)).isEqualTo("arn:aws-cn:iam::111122223333:role/web");
    assertThat(Identities.stablePrincipal(user)).isEqualTo("arn:aws:iam::111122223333:user/alice");
    assertThat(Identities.stablePrincipal(crossAccount)).isNull();
    assertThat(Identities.roleFromSessionArn("arn:aws:iam::1:user/x")).isNull();
  }

  @Test
  void readOnly_usesTheLogElseTheVerb() {
    assertThat(ApiNames.isReadOnly(new ApiCall("s3", "PutObject", null, null, null, true))).isTrue();
    assertThat(ApiNames.isReadOnly(new ApiCall("iam", "GetUser", null, null, null, null))).isTrue();
    assertThat(ApiNames.isReadOnly(new ApiCall("ec2", "DescribeInstances", null, null, null, null))).isTrue();
    assertThat(ApiNames.isReadOnly(new ApiCall("iam", "CreateUser", null, null, null, null))).isFalse();
    assertThat(ApiNames.isReadOnly(new ApiCall("x", "Listen", null, null, null, null))).isFalse();
    assertThat(ControlPlaneApis.match("sts.amazonaws.com", "GetCallerIdentity")).isNull();
    assertThat(ControlPlaneApis.match("sts.amazonaws.com", "GetAccessKeyInfo")).isEqualTo("sts:GetAccessKeyInfo");
    assertThat(ControlPlaneApis.match("kms.amazonaws.com", "Decrypt")).isNull();
    assertThat(ControlPlaneApis.match("kms.amazonaws.com", "ScheduleKeyDeletion")).isEqualTo("kms:ScheduleKeyDeletion");
    assertThat(ControlPlaneApis.match("ec2.amazonaws.com", "DescribeInstances")).isNull();
  }

  @Test
  void hashSet64_remembersUpToItsMaximum() {
    HashSet64 s = new HashSet64(100);
    for (int i = 0; i < 150; i++) {
      s.add(HashSet64.hash("v" + i));
    }
    assertThat(s.size()).isEqualTo(100);
    assertThat(s.full()).isTrue();
    assertThat(s.contains(HashSet64.hash("v99"))).isTrue();
    assertThat(s.contains(HashSet64.hash("v100"))).isFalse();
    assertThat(s.add(HashSet64.hash("v1"))).isFalse();
  }
}
