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

class AwsComputeChecksTest {
  private static final AwsComputeChecks SET = new AwsComputeChecks();

  private static Resource instance(Facts.Builder f) {
    return aws("aws.ec2.instance", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", f.build());
  }

  private static Resource function(Facts.Builder f) {
    return aws("aws.lambda.function", "arn:aws:lambda:eu-west-1:111122223333:function:f", f.build());
  }

  @Test
  void imdsv1_optionalTokens_fails_required_passes_disabledEndpoint_passes_absent_unknown() {
    assertThat(status(SET, "aws-ec2-imdsv1-allowed", instance(facts().put("imds_http_tokens", "optional")
        .put("imds_endpoint", "enabled")))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-ec2-imdsv1-allowed", instance(facts().put("imds_http_tokens", "required")
        .put("imds_endpoint", "enabled")))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-imdsv1-allowed", instance(facts().put("imds_http_tokens", "optional")
        .put("imds_endpoint", "disabled")))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-imdsv1-allowed", instance(facts()))).isEqualTo(Status.UNKNOWN);
    assertThat(status(SET, "aws-ec2-imdsv1-allowed", instance(facts().put("imds_http_tokens", "optional"))))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void ebsDefaultEncryption_looksUpRegionSettings_unknownWhenAbsent() {
    Resource vol = aws("aws.ec2.volume", "vol-1", facts().put("encrypted", true).build());
    Resource on = aws("aws.ec2.region_settings", "arn:aws:ec2:eu-west-1:111122223333:settings",
        facts().put("ebs_encryption_by_default", true).build());
    Resource off = aws("aws.ec2.region_settings", "arn:aws:ec2:eu-west-1:111122223333:settings",
        facts().put("ebs_encryption_by_default", false).build());
    assertThat(scopeStatus(SET, "aws-ec2-ebs-default-encryption-off", "aws.region", vol, on))
        .isEqualTo(Status.PASS);
    assertThat(scopeStatus(SET, "aws-ec2-ebs-default-encryption-off", "aws.region", vol, off))
        .isEqualTo(Status.FAIL);
    assertThat(scopeStatus(SET, "aws-ec2-ebs-default-encryption-off", "aws.region", vol))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void lambdaPublic_anyoneInvoke_fails_sourceArnCondition_passes_noPolicy_passes_unknownPolicy_unknown() {
    String open = """
        {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"lambda:InvokeFunction","Resource":"*"}]}""";
    String scoped = """
        {"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*",
         "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:eu-west-1:111122223333:rule/r"}}}]}""";
    assertThat(status(SET, "aws-lambda-function-public", function(facts().put("has_policy", true)
        .put("policy", policy(open))))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-lambda-function-public", function(facts().put("has_policy", true)
        .put("policy", policy(scoped))))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-lambda-function-public", function(facts().put("has_policy", false))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-lambda-function-public", function(facts()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void lambdaPublic_unauthenticatedFunctionUrlCondition_isStillPublic() {
    String url = """
        {"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"*",
         "Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}""";
    assertThat(status(SET, "aws-lambda-function-public", function(facts().put("has_policy", true)
        .put("policy", policy(url))))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-lambda-url-no-auth", function(facts().put("url_auth_type", "NONE"))))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-lambda-url-no-auth", function(facts().put("url_auth_type", "AWS_IAM"))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-lambda-url-no-auth", function(facts().put("has_url", false))))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-lambda-url-no-auth", function(facts()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void eksEndpoint_publicWithoutCidrs_fails_restricted_passes_private_passes_absent_unknown() {
    String id = "arn:aws:eks:eu-west-1:111122223333:cluster/c";
    assertThat(status(SET, "aws-eks-endpoint-public", aws("aws.eks.cluster", id,
        facts().put("endpoint_public", true).build()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-eks-endpoint-public", aws("aws.eks.cluster", id,
        facts().put("endpoint_public", true).put("public_access_cidrs", List.of("0.0.0.0/0")).build())))
        .isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-eks-endpoint-public", aws("aws.eks.cluster", id,
        facts().put("endpoint_public", true).put("public_access_cidrs", List.of("198.51.100.0/24")).build())))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-eks-endpoint-public", aws("aws.eks.cluster", id, facts().build())))
        .isEqualTo(Status.UNKNOWN);
    assertThat(status(SET, "aws-eks-audit-logging-off", aws("aws.eks.cluster", id,
        facts().put("logging_types", List.of("api")).build()))).isEqualTo(Status.FAIL);
  }

  @Test
  void snapshotsImagesVolumes_passFailUnknown() {
    assertThat(status(SET, "aws-ec2-snapshot-public", aws("aws.ec2.snapshot", "snap-1",
        facts().put("public", true).build()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-ec2-ami-public", aws("aws.ec2.image", "ami-1",
        facts().put("public", false).build()))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-volume-unencrypted", aws("aws.ec2.volume", "vol-1", facts().build())))
        .isEqualTo(Status.UNKNOWN);
    assertThat(status(SET, "aws-ec2-instance-public-ip", instance(facts().put("has_public_ip", true))))
        .isEqualTo(Status.FAIL);
  }
}
