package dev.kumo.ingest.securityhub;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.Read;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHubSourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String HIGH_RULE = "AWS Security Hub High or Critical Severity Finding";

  @Test
  void read_eventBridgeImportedEvents_readsOneEventPerFinding() {
    Read r = SampleFiles.read("aws.securityhub/eventbridge-imported.jsonl");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(NormalizedEvent::source).containsOnly(SecurityHubSource.ID);
    assertThat(r.events()).extracting(e -> ((FindingDetails) e.details()).product())
        .containsExactly("Inspector", "GuardDuty");
    assertThat(r.events().get(0).raw().getString("Title")).isEqualTo("CVE-2024-3094 - xz, xz-libs"); // the finding itself
    assertThat(r.events()).extracting(e -> e.origin().line()).containsExactly(1L, 2L);
  }

  @Test
  void read_customActionWithTwoFindings_readsBoth() {
    Read r = SampleFiles.read("aws.securityhub/eventbridge-custom-action.json");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(e -> e.api().operation())
        .containsExactly("UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS", "S3.5");
  }

  @Test
  void read_getFindingsPageAndSns_readEveryFinding() {
    Read page = SampleFiles.read("aws.securityhub/get-findings.json");
    assertThat(page.problems()).isEmpty();
    assertThat(page.events()).hasSize(3).extracting(NormalizedEvent::ocsfClass).containsOnly(OcsfClass.DETECTION_FINDING);
    Read sns = SampleFiles.read("aws.securityhub/sns-notification.json");
    assertThat(sns.problems()).isEmpty();
    assertThat(sns.events()).singleElement().satisfies(e -> assertThat(e.api().operation()).isEqualTo("S3.5"));
  }

  @Test
  void normalize_guardDutyFindingInAsff_fillsActorSourceAndSeverity() {
    NormalizedEvent e = SampleFiles.read("aws.securityhub/eventbridge-imported.jsonl").events().get(1);
    assertThat(e.id()).isEqualTo("arn:aws:guardduty:eu-west-1:111122223333:detector/7ec2f1d0a9b84c3e8d6f5a4b3c2d1e0f"
        + "/finding/52c6a1f0e3d84c0f9a7e5d3c1b2a4f68");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:49:12.417Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("eu-west-1");
    assertThat(e.actor().identityType()).isEqualTo("AssumedRole");
    assertThat(e.actor().userName()).isEqualTo("web-app");
    assertThat(e.actor().accessKeyId()).isEqualTo("ASIAQ3EGWXD4VN7Y2K5P");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    FindingDetails f = (FindingDetails) e.details();
    assertThat(f.type()).isEqualTo("TTPs/Initial Access/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS");
    assertThat(f.severity()).isEqualTo(8.0); // Severity.Product, GuardDuty's own scale
    assertThat(f.severityLabel()).isEqualTo("high");
    assertThat(f.resources()).containsExactly("ASIAQ3EGWXD4VN7Y2K5P");
  }

  @Test
  void normalize_controlFinding_usesTheControlIdAsOperation() {
    NormalizedEvent e = SampleFiles.read("aws.securityhub/get-findings.json").events().get(0);
    assertThat(e.api().operation()).isEqualTo("S3.5");
    assertThat(e.api().service()).isEqualTo("Security Hub");
    assertThat(e.resources()).singleElement().satisfies(r -> {
      assertThat(r.uid()).isEqualTo("arn:aws:s3:::customer-exports");
      assertThat(r.type()).isEqualTo("AwsS3Bucket");
    });
    assertThat(((FindingDetails) e.details()).severityLabel()).isEqualTo("medium");
  }

  @Test
  void read_pantherSecurityFindingFormatTests_readsAllWithActorAndAddress() throws Exception {
    Read r = SourceTesting.read("sff.jsonl", SourceTesting.pantherLogsAsJsonLines("tests_AWS.SecurityFindingFormat.jsonl.gz"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(10).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(SecurityHubSource.ID);
      assertThat(((FindingDetails) e.details()).product()).isEqualTo("DecoyDetector");
    });
    NormalizedEvent e = r.events().get(0);
    assertThat(e.time()).isEqualTo(Instant.parse("2024-05-24T22:53:24Z"));
    assertThat(e.actor().principal()).isEqualTo("arn:aws:iam::123456789012:user/tester");
    assertThat(e.actor().accessKeyId()).isEqualTo("ABC9ONWNS3155VIEJC8U");
    assertThat(e.actor().mfa()).isFalse();
    assertThat(e.src().ip()).isEqualTo("11.111.11.111");
  }

  @Test
  void read_awsDocsGuardDutyFindingInAsff_takesRegionAndAddressFromGuardDutyFields() throws Exception {
    JsonObject asff = SampleFiles.sharedJsonLines("data/aws-docs-samples/guardduty-user-guide.findings.jsonl", "json").get(4);
    Read r = SourceTesting.read("asff.json", utf8(asff.toJson()));
    assertThat(r.problems()).isEmpty();
    NormalizedEvent e = r.events().get(0);
    assertThat(e.cloud().region()).isEqualTo("us-east-1");
    assertThat(e.src().ip()).isEqualTo("199.241.229.197");
    assertThat(e.dst().ip()).isEqualTo("172.31.43.6");
    assertThat(e.dst().port()).isEqualTo(22);
    assertThat(e.api().operation()).isEqualTo("UnauthorizedAccess:EC2-SSHBruteForce");
    assertThat(((FindingDetails) e.details()).severityLabel()).isEqualTo("medium");
    assertThat(SourceTesting.matchingRuleTitles(RULES, e)).doesNotContain(HIGH_RULE);
  }

  @Test
  void highSeverityRule_firesOnRealHighFindings_notOnSuppressedOrMedium() throws Exception {
    List<NormalizedEvent> panther = SourceTesting.read("sff.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.SecurityFindingFormat.jsonl.gz")).events();
    assertThat(SourceTesting.matchingRuleTitles(RULES, panther.get(0))).contains(HIGH_RULE); // HIGH, ACTIVE
    List<NormalizedEvent> page = SampleFiles.read("aws.securityhub/get-findings.json").events();
    assertThat(page).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(HIGH_RULE))
        .containsExactly(false, true, true); // MEDIUM control, CRITICAL Inspector, HIGH GuardDuty
    String suppressed = page.get(2).raw().toJson().replace("\"Workflow\":{\"Status\":\"NEW\"}",
        "\"Workflow\":{\"Status\":\"SUPPRESSED\"}");
    NormalizedEvent s = SourceTesting.read("s.json", utf8(suppressed)).events().get(0);
    assertThat(SourceTesting.matchingRuleTitles(RULES, s)).doesNotContain(HIGH_RULE);
  }

  @Test
  void normalize_bundleOfSeveralFindingsGivenDirectly_isRejectedWithAReason() {
    JsonObject eb = (JsonObject) JsonTreeReader.lenient().read(new String(SampleFiles.bytes(
        "aws.securityhub/eventbridge-custom-action.json"), java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new SecurityHubSource().normalize(eb, new Origin("x", 1, 1)))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("bundles 2 findings");
  }

  @Test
  void read_bundleWithANonObject_reportsItAndReadsTheRest() {
    String finding = SampleFiles.read("aws.securityhub/get-findings.json").events().get(0).raw().toJson();
    Read r = SourceTesting.read("page.json", utf8("{\"Findings\":[" + finding + ",42," + finding + "]}"));
    assertThat(r.events()).hasSize(2);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.NOT_AN_OBJECT);
      assertThat(p.message()).contains("element 2");
    });
  }

  @Test
  void read_snsCarryingSomethingElse_isReportedNotGuessed() {
    String sns = "{\"Type\":\"Notification\",\"Message\":\"{\\\"detail-type\\\":\\\"Security Hub Findings - Imported\\\","
        + "\\\"detail\\\":{}}\"}";
    Read r = SourceTesting.read("sns.json", utf8(sns));
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD));
  }

  @Test
  void severityLabel_fallsBackToTheNormalizedScore() {
    JsonObject sev = (JsonObject) JsonTreeReader.lenient().read("{\"Normalized\":95}");
    assertThat(SecurityHubSource.severityLabel(sev, null)).isEqualTo("critical");
    assertThat(SecurityHubSource.severityLabel((JsonObject) JsonTreeReader.lenient().read("{\"Normalized\":0}"), null))
        .isEqualTo("informational");
    assertThat(SecurityHubSource.severityLabel(null, null)).isEqualTo("unknown");
  }
}
