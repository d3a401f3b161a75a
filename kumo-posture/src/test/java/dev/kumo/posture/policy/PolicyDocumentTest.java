package dev.kumo.posture.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
  @Test
  void parse_urlEncodedAdminPolicy_grantsFullAdmin() {
    PolicyDocument p = PolicyDocument.parse("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect"
        + "%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%7D");
    assertThat(p.grantsFullAdmin()).isTrue();
  }

  @Test
  void publiclyAllows_wildcardPrincipalWithoutCondition_isPublic() {
    PolicyDocument p = PolicyDocument.parse("""
        {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}]}""");
    assertThat(p.publiclyAllows("s3:GetObject")).isTrue();
    assertThat(p.publiclyAllows("s3:PutObject")).isFalse();
  }

  @Test
  void publiclyAllows_principalRestrictedBySourceVpce_isNotPublic() {
    PolicyDocument p = PolicyDocument.parse("""
        {"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
          "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}]}""");
    assertThat(p.publiclyAllows("s3:GetObject")).isFalse();
  }

  @Test
  void coversAction_notAction_coversEverythingElse() {
    PolicyDocument p = PolicyDocument.parse("""
        {"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}""");
    assertThat(p.allows("s3:DeleteBucket")).isTrue();
    assertThat(p.allows("iam:CreateUser")).isFalse();
    assertThat(p.grantsFullAdmin()).isFalse();
  }

  @Test
  void trustedServices_listsServicePrincipals() {
    PolicyDocument p = PolicyDocument.parse("""
        {"Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},
          "Action":"sts:AssumeRole"}]}""");
    assertThat(p.trustedServices()).containsExactly("ec2.amazonaws.com", "lambda.amazonaws.com");
  }

  @Test
  void parse_statementWithoutEffect_namesTheProblem() {
    assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Action\":\"*\"}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Effect");
  }

  @Test
  void matches_wildcardsAreCaseInsensitiveAndLinear() {
    assertThat(PolicyStatement.matches("s3:Get*", "S3:GETOBJECT")).isTrue();
    assertThat(PolicyStatement.matches("kms:?ncrypt", "kms:Encrypt")).isTrue();
    assertThat(PolicyStatement.matches("a*a*a*a*a*b", "a".repeat(10_000))).isFalse();
  }
}
