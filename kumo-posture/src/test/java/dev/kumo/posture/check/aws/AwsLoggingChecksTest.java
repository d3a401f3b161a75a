package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.IdentityFixtures.ACCOUNT;
import static dev.kumo.posture.check.aws.IdentityFixtures.account;
import static dev.kumo.posture.check.aws.IdentityFixtures.region;
import static dev.kumo.posture.check.aws.IdentityFixtures.res;
import static dev.kumo.posture.check.aws.IdentityFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsLoggingChecksTest {
  private static final AwsLoggingChecks SET = new AwsLoggingChecks();
  private static final String TRAIL = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/main";

  private static Resource trail(Object... facts) {
    return res("aws.cloudtrail.trail", TRAIL, "us-east-1", facts);
  }

  @Test
  void trailRegion_multiRegionLoggingTrailCoversEveryRegion() {
    Resource t = trail("logging", true, "multi_region", true, "management_events", true, "home_region", "us-east-1");
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"), t)).isEqualTo(Status.PASS);
  }

  @Test
  void trailRegion_singleRegionTrailLeavesOtherRegionsDark() {
    Resource t = trail("logging", true, "multi_region", false, "management_events", true, "home_region", "us-east-1");
    assertThat(run(SET, "aws-cloudtrail-region-off", region("us-east-1"), t)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"), t)).isEqualTo(Status.FAIL);
  }

  @Test
  void trailRegion_stoppedTrailFails_missingStatusUnknown_noTrailsUnknown() {
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"),
        trail("logging", false, "multi_region", true, "management_events", true))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"),
        trail("multi_region", true, "management_events", true))).isEqualTo(Status.UNKNOWN);
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void trailRegion_organizationTrailOfAnotherAccountCounts() {
    Resource org = new Resource(Provider.AWS, "aws.cloudtrail.trail",
        "arn:aws:cloudtrail:us-east-1:999988887777:trail/org", "org", "999988887777", "us-east-1",
        Facts.builder().put("logging", true).put("multi_region", true).put("management_events", true)
            .put("organization_trail", true).build(), "test");
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"), org)).isEqualTo(Status.PASS);
  }

  @Test
  void trailRegion_pantherSummaryWithoutTrailsFails() {
    Resource summary = res("aws.cloudtrail.summary", ACCOUNT + "::AWS.CloudTrail.Meta", "",
        "trails", List.of(), "management_events", false);
    assertThat(run(SET, "aws-cloudtrail-region-off", region("eu-west-1"), summary)).isEqualTo(Status.FAIL);
  }

  @Test
  void logValidationAndEncryption_passFailUnknown() {
    assertThat(run(SET, "aws-cloudtrail-log-validation-off", trail("log_validation", true))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-cloudtrail-log-validation-off", trail("log_validation", false))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-cloudtrail-log-validation-off", trail())).isEqualTo(Status.UNKNOWN);
    assertThat(run(SET, "aws-cloudtrail-unencrypted", trail("kms_key", "arn:aws:kms:us-east-1:1:key/k")))
        .isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-cloudtrail-unencrypted", trail("kms_key", ""))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-cloudtrail-unencrypted", trail())).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void s3DataEvents_loggingTrailWithS3SelectorPasses() {
    assertThat(run(SET, "aws-cloudtrail-s3-data-events-off", account(),
        trail("logging", true, "s3_data_events", List.of("arn:aws:s3")))).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-cloudtrail-s3-data-events-off", account(),
        trail("logging", true, "s3_data_events", List.of()))).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-cloudtrail-s3-data-events-off", account(), trail("logging", true)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void configRecorder_perRegion() {
    Resource rec = res("aws.config.recorder", "arn:aws:config:us-east-1:" + ACCOUNT + ":config-recorder/default",
        "us-east-1", "recording", true, "all_supported", false);
    assertThat(run(SET, "aws-config-recorder-region-off", region("us-east-1"), rec)).isEqualTo(Status.PASS);
    assertThat(run(SET, "aws-config-recorder-region-off", region("eu-west-1"), rec)).isEqualTo(Status.FAIL);
    assertThat(run(SET, "aws-config-recorder-region-off", region("eu-west-1"))).isEqualTo(Status.UNKNOWN);
    assertThat(run(SET, "aws-config-recorder-partial", rec)).isEqualTo(Status.FAIL);
  }

  @Test
  void guardDuty_summaryListsRegionButNotStatus_isUnknown() {
    Resource summary = res("aws.guardduty.summary", ACCOUNT + "::AWS.GuardDuty.Detector.Meta", "",
        "detector_regions", List.of("us-east-1"));
    assertThat(run(SET, "aws-guardduty-region-off", region("us-east-1"), summary)).isEqualTo(Status.UNKNOWN);
    assertThat(run(SET, "aws-guardduty-region-off", region("eu-west-1"), summary)).isEqualTo(Status.FAIL);
    Resource disabled = res("aws.guardduty.detector", "arn:aws:guardduty:us-east-1:" + ACCOUNT + ":detector/d1",
        "us-east-1", "enabled", false);
    assertThat(run(SET, "aws-guardduty-region-off", region("us-east-1"), disabled)).isEqualTo(Status.FAIL);
  }

  @Test
  void securityHub_enabledHubPasses() {
    Resource hub = res("aws.securityhub.hub", "arn:aws:securityhub:us-east-1:" + ACCOUNT + ":hub/default",
        "us-east-1", "enabled", true);
    assertThat(run(SET, "aws-securityhub-region-off", region("us-east-1"), hub)).isEqualTo(Status.PASS);
  }
}
