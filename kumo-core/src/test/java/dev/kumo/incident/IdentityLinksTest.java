package dev.kumo.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testing.CloudTrailEvents;
import org.junit.jupiter.api.Test;

class IdentityLinksTest {
  private static final String ASSUMED = "arn:aws:sts::111122223333:assumed-role/deploy/s1";

  private static CloudTrailEvents assumeRole() {
    return CloudTrailEvents.event().id("e1").identity(CloudTrailEvents.user("alice")).call("sts.amazonaws.com",
        "AssumeRole").ip("203.0.113.9")
        .request("{\"roleArn\":\"arn:aws:iam::111122223333:role/deploy\",\"roleSessionName\":\"s1\"}")
        .response("{\"credentials\":{\"accessKeyId\":\"ASIANEW\",\"expiration\":\"x\"},"
            + "\"assumedRoleUser\":{\"assumedRoleId\":\"AROA:s1\",\"arn\":\"" + ASSUMED + "\"}}");
  }

  @Test
  void of_assumeRole_linksCallerKeyToIssuedKeyAndSession() {
    IdentityLink l = IdentityLinks.of(assumeRole().build());

    assertThat(l).isNotNull();
    assertThat(l.eventId()).isEqualTo("e1");
    assertThat(l.fromPrincipal()).endsWith(":user/alice");
    assertThat(l.fromKey()).isNotNull();
    assertThat(l.fromType()).isEqualTo("IAMUser");
    assertThat(l.toPrincipal()).isEqualTo(ASSUMED);
    assertThat(l.toKey()).isEqualTo("ASIANEW");
    assertThat(l.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/deploy");
    assertThat(l.sourceIp()).isEqualTo("203.0.113.9");
  }

  @Test
  void of_failedAssumeRole_isNoLink() {
    assertThat(IdentityLinks.of(assumeRole().error("AccessDenied").build())).isNull();
  }

  @Test
  void of_otherCalls_areNoLink() {
    assertThat(IdentityLinks.of(CloudTrailEvents.event().identity(CloudTrailEvents.user("alice"))
        .call("sts.amazonaws.com", "GetCallerIdentity").build())).isNull();
    assertThat(IdentityLinks.of(CloudTrailEvents.event().identity(CloudTrailEvents.user("alice"))
        .call("iam.amazonaws.com", "AssumeRole").build())).as("not STS").isNull();
  }

  @Test
  void of_webIdentity_namesTheProviderAndSubjectAsCaller() {
    IdentityLink l = IdentityLinks.of(CloudTrailEvents.event().identity("{\"type\":\"WebIdentityUser\","
        + "\"principalId\":\"token.actions.githubusercontent.com:repo:acme/app\",\"userName\":\"repo:acme/app\","
        + "\"identityProvider\":\"token.actions.githubusercontent.com\"}")
        .call("sts.amazonaws.com", "AssumeRoleWithWebIdentity")
        .request("{\"roleArn\":\"arn:aws:iam::111122223333:role/gha\",\"roleSessionName\":\"gh\"}")
        .response("{\"credentials\":{\"accessKeyId\":\"ASIAGHA\"},\"subjectFromWebIdentityToken\":\"repo:acme/app\","
            + "\"provider\":\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\","
            + "\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::111122223333:assumed-role/gha/gh\"}}").build());

    assertThat(l).isNotNull();
    assertThat(l.toKey()).isEqualTo("ASIAGHA");
    assertThat(l.fromKey()).isNull();
    assertThat(l.fromPrincipal()).isNotBlank();
  }
}
