package dev.kumo.posture.prowler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.sigma.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProwlerOcsfReaderTest {
  private static ProwlerImport read() throws Exception {
    return new ProwlerOcsfReader().read(Path.of(ProwlerOcsfReaderTest.class
        .getResource("/posture/prowler/prowler-output-111122223333-20261120101542.ocsf.json").toURI()));
  }

  private static CheckResult result(ProwlerImport imp, String check) {
    return imp.results().stream().filter(r -> r.check().id().equals("prowler:" + check)).findFirst().orElseThrow();
  }

  @Test
  void read_failingPublicBucket_isFailWithThreatBenchmarksAndKind() throws Exception {
    CheckResult r = result(read(), "s3_bucket_public_access");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.source()).isEqualTo("prowler");
    assertThat(r.check().kind()).isEqualTo("aws.s3.bucket");
    assertThat(r.check().severity()).isEqualTo(Level.CRITICAL);
    assertThat(r.check().threat()).isEqualTo(Threat.DATA_THEFT);
    assertThat(r.check().techniques()).containsExactly("T1530");
    assertThat(r.check().benchmarks()).containsExactly("AWS FSBP S3.2", "AWS FSBP S3.3", "CIS AWS 3.0 2.1.4");
    assertThat(r.check().telemetry()).isEmpty();
    assertThat(r.check().remediation()).contains("block public access")
        .contains("https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html");
    assertThat(r.resource().id()).isEqualTo("arn:aws:s3:::acme-public-assets");
    assertThat(r.resource().account()).isEqualTo("111122223333");
    assertThat(r.resource().region()).isEqualTo("eu-west-1");
    assertThat(r.detail()).contains("public access due to bucket ACL");
  }

  @Test
  void read_passingTrail_isPass() throws Exception {
    CheckResult r = result(read(), "cloudtrail_multi_region_enabled");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.check().kind()).isEqualTo("aws.cloudtrail.trail");
    assertThat(r.check().threat()).isEqualTo(Threat.MISCONFIGURATION);
    assertThat(r.check().techniques()).containsExactly("T1562.008");
  }

  @Test
  void read_manualCheck_isUnknownWithManualDetail() throws Exception {
    CheckResult r = result(read(), "account_maintain_current_contact_details");
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(r.detail()).startsWith("manual check");
    assertThat(r.check().kind()).isEqualTo("aws.account");
    assertThat(r.resource().id()).isEqualTo("aws:111122223333");
    assertThat(r.check().techniques()).isEmpty();
  }

  @Test
  void read_suppressedFailure_isMuted() throws Exception {
    CheckResult r = result(read(), "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22");
    assertThat(r.status()).isEqualTo(Status.MUTED);
    assertThat(r.check().threat()).isEqualTo(Threat.APP_EXPLOITATION);
    assertThat(r.check().techniques()).containsExactly("T1190");
    assertThat(r.check().kind()).isEqualTo("aws.ec2.security_group");
  }

  @Test
  void read_unmappedCheck_takesTechniquesFromProwlerMitreCompliance() throws Exception {
    CheckResult r = result(read(), "ssm_documents_set_as_public");
    assertThat(r.check().threat()).isEqualTo(Threat.MISCONFIGURATION);
    assertThat(r.check().techniques()).containsExactly("T1530");
    assertThat(r.check().kind()).isEqualTo("aws.ssm");
    assertThat(r.check().provider()).isEqualTo(Provider.AWS);
  }

  @Test
  void read_malformedFinding_isAProblemNamingIndex() throws Exception {
    ProwlerImport imp = read();
    assertThat(imp.results()).hasSize(5);
    assertThat(imp.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).endsWith(".ocsf.json");
      assertThat(p.where()).isEqualTo("[5]");
      assertThat(p.reason()).contains("event_code");
    });
  }

  @Test
  void read_emitsTheResourcesNamed() throws Exception {
    assertThat(read().resources()).extracting(r -> r.kind()).containsExactlyInAnyOrder("aws.account",
        "aws.cloudtrail.trail", "aws.ec2.security_group", "aws.s3.bucket", "aws.ssm");
  }
}
