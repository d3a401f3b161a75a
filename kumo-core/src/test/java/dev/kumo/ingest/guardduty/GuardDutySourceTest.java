package dev.kumo.ingest.guardduty;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import dev.kumo.testing.SourceTesting.Read;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardDutySourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String HIGH_RULE = "AWS GuardDuty High or Critical Severity Finding";

  @Test
  void read_s3Export_readsEveryFindingAsGuardDuty() {
    Read r = SampleFiles.read("aws.guardduty/s3-export.jsonl");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(GuardDutySource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    });
  }

  @Test
  void read_gzippedExport_isReadLikeThePlainOne() {
    Read r = SourceTesting.read("findings.jsonl.gz", SampleFiles.gzip(SampleFiles.bytes("aws.guardduty/s3-export.jsonl")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4);
  }

  @Test
  void normalize_instanceCredentialExfiltration_fillsFindingActorAndSource() {
    NormalizedEvent e = SampleFiles.read("aws.guardduty/s3-export.jsonl").events().get(0);
    assertThat(e.id()).isEqualTo("52c6a1f0e3d84c0f9a7e5d3c1b2a4f68");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:48:05.902Z")); // updatedAt
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("eu-west-1");
    assertThat(e.actor().identityType()).isEqualTo("AssumedRole");
    assertThat(e.actor().accessKeyId()).isEqualTo("ASIAQ3EGWXD4VN7Y2K5P");
    assertThat(e.actor().principalId()).isEqualTo("AROAQ3EGWXD4SBU6LM2VC:i-0b8f0c6d2e1a34f57");
    assertThat(e.actor().userName()).isEqualTo("web-app");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    assertThat(e.api().operation()).isEqualTo("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS");
    assertThat(e.api().service()).isEqualTo("GuardDuty");
    assertThat(e.resources()).extracting(r -> r.uid()).containsExactly("ASIAQ3EGWXD4VN7Y2K5P");
    FindingDetails f = (FindingDetails) e.details();
    assertThat(f.product()).isEqualTo("GuardDuty");
    assertThat(f.type()).isEqualTo(e.api().operation());
    assertThat(f.severity()).isEqualTo(8.0);
    assertThat(f.severityLabel()).isEqualTo("high");
    assertThat(f.title()).startsWith("Credentials for instance role web-app used from external IP address");
    assertThat(f.resources()).containsExactly("ASIAQ3EGWXD4VN7Y2K5P");
  }

  @Test
  void normalize_outboundAttack_putsTheInstanceAsSourceAndTheVictimAsDestination() {
    NormalizedEvent e = SampleFiles.read("aws.guardduty/s3-export.jsonl").events().get(2);
    assertThat(e.api().operation()).isEqualTo("Backdoor:EC2/DenialOfService.Tcp");
    assertThat(e.src()).isEqualTo(new Endpoint("10.20.4.17", null, 49152, null, false));
    assertThat(e.dst()).isEqualTo(new Endpoint("192.0.2.200", null, 443, null, false));
    assertThat(e.resources()).extracting(r -> r.uid()).containsExactly("i-0b8f0c6d2e1a34f57");
  }

  @Test
  void normalize_portProbe_putsTheProberAsSource() {
    NormalizedEvent e = SampleFiles.read("aws.guardduty/s3-export.jsonl").events().get(3);
    assertThat(e.src().ip()).isEqualTo("198.51.100.201");
    assertThat(e.dst()).isEqualTo(new Endpoint("10.20.4.17", null, 22, null, false));
    assertThat(((FindingDetails) e.details()).severityLabel()).isEqualTo("low");
  }

  @Test
  void read_eventBridgeEvent_unwrapsTheFindingForRules() {
    Read r = SampleFiles.read("aws.guardduty/eventbridge-event.json");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(GuardDutySource.ID);
      assertThat(e.raw().getString("type")).isEqualTo("Exfiltration:S3/AnomalousBehavior");
      assertThat(e.resources()).extracting(x -> x.uid())
          .containsExactly("AKIAQ3EGWXD4RZ6L2T7M", "arn:aws:s3:::customer-exports");
    });
  }

  @Test
  void read_snsNotification_unwrapsMessageAndEvent() {
    Read r = SampleFiles.read("aws.guardduty/sns-notification.json");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.api().operation()).isEqualTo("Stealth:IAMUser/CloudTrailLoggingDisabled");
      assertThat(e.actor().userName()).isEqualTo("build-bot");
      assertThat(e.resources()).extracting(x -> x.type()).contains("AWS::CloudTrail::Trail");
    });
  }

  @Test
  void read_getFindingsPage_readsEachPascalCaseFinding() {
    Read r = SampleFiles.read("aws.guardduty/get-findings.json");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(e -> e.api().operation())
        .containsExactly("Impact:S3/AnomalousBehavior.Delete", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS");
    NormalizedEvent e = r.events().get(1);
    assertThat(e.id()).isEqualTo("64d8b3e2f5a6410c8b9f7e6d5c4b3a21");
    assertThat(e.actor().accessKeyId()).isEqualTo("ASIAQ3EGWXD4VN7Y2K5P");
    assertThat(e.src().ip()).isEqualTo("198.51.100.23");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:48:05.902Z"));
    assertThat(SourceTesting.matchingRuleTitles(RULES, e))
        .contains("AWS GuardDuty Instance Credentials Used Outside the Instance", HIGH_RULE);
  }

  @Test
  void read_pantherGuardDutyTests_readsAllWithTheirSeverityBand() throws Exception {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_AWS.GuardDuty.jsonl.gz");
    Read r = SourceTesting.read("gd.jsonl", SourceTesting.pantherLogsAsJsonLines("tests_AWS.GuardDuty.jsonl.gz"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(cases.size()).hasSize(8);
    for (int i = 0; i < cases.size(); i++) {
      NormalizedEvent e = r.events().get(i);
      assertThat(e.source()).isEqualTo(GuardDutySource.ID);
      assertThat(e.time()).isNotEqualTo(NormalizedEvent.UNKNOWN_TIME);
      // Panther's rule ids name the band: AWS.GuardDuty.<Critical|High|Medium|Low>SeverityFinding
      String band = cases.get(i).ruleId().replace("AWS.GuardDuty.", "").replace("SeverityFinding", "");
      assertThat(((FindingDetails) e.details()).severityLabel()).isEqualToIgnoringCase(band);
    }
    assertThat(r.events().get(0).time()).isEqualTo(Instant.parse("2025-02-25T20:40:06.721Z"));
  }

  @Test
  void highSeverityRule_firesOnPantherHighAndCriticalFindings_notOnSamplesOrLowerBands() throws Exception {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_AWS.GuardDuty.jsonl.gz");
    List<NormalizedEvent> events = SourceTesting.read("gd.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.GuardDuty.jsonl.gz")).events();
    List<String> fired = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (SourceTesting.matchingRuleTitles(RULES, events.get(i)).contains(HIGH_RULE)) {
        fired.add(cases.get(i).testName());
      }
    }
    assertThat(fired).containsExactly("Critical Sev Finding", "High Sev Finding");
  }

  @Test
  void typeRules_fireOnTheirThreats_andNoCloudTrailRuleSeesFindings() {
    List<NormalizedEvent> events = SampleFiles.read("aws.guardduty/s3-export.jsonl").events();
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(1))).contains("AWS GuardDuty Cryptocurrency Mining Activity");
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(2)))
        .contains("AWS GuardDuty Instance Used for a Denial of Service Attack");
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(3))).isEmpty(); // a low port probe
    for (NormalizedEvent e : events) {
      RULES.engine().match(e, rule -> assertThat(rule.sourceId()).isEqualTo(GuardDutySource.ID));
    }
  }

  @Test
  void read_awsDocsWrappers_onlyFindingsAreRead() throws Exception {
    List<JsonObject> docs = SampleFiles.sharedJsonLines("data/aws-docs-samples/guardduty-user-guide.findings.jsonl", "json");
    assertThat(docs).hasSize(5);
    for (int i = 0; i < docs.size(); i++) {
      Read r = SourceTesting.read("doc" + i + ".json", utf8(docs.get(i).toJson()));
      if (i < 2) {
        // EventBridge event patterns ("detail-type":["GuardDuty Finding"]): rule filters, not findings
        assertThat(r.events()).isEmpty();
        assertThat(r.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.UNKNOWN_FORMAT);
      } else if (i < 4) {
        // GuardDuty's announcement topic: new finding types released by AWS, not findings in an account
        assertThat(r.events()).isEmpty();
      } else {
        // a GuardDuty finding as Security Hub imports it (ASFF): Security Hub's source
        assertThat(r.problems()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> {
          assertThat(e.source()).isEqualTo("aws.securityhub");
          assertThat(((FindingDetails) e.details()).product()).isEqualTo("GuardDuty");
        });
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1.0,low", "3.9,low", "4.0,medium", "6.9,medium", "7.0,high", "8.9,high", "9.0,critical", "10,critical"})
  void severityLabel_followsGuardDutyBands(double severity, String label) {
    assertThat(GuardDutySource.severityLabel(severity)).isEqualTo(label);
  }

  @Test
  void normalize_hostileValues_areReadWithoutGuessing() {
    JsonObject f = (JsonObject) JsonTreeReader.lenient().read("{\"type\":\"Recon:EC2/Portscan\",\"severity\":\"high\","
        + "\"service\":{\"serviceName\":\"guardduty\",\"action\":{\"networkConnectionAction\":{\"remotePortDetails\":"
        + "{\"port\":99999},\"remoteIpDetails\":[1,2]}}},\"updatedAt\":\"yesterday\",\"resource\":7}");
    NormalizedEvent e = new GuardDutySource().normalize(f, new Origin("x", 1, 1));
    assertThat(e.id()).startsWith("sha256:");
    assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
    assertThat(e.src()).isEqualTo(new Endpoint(null, null, null, null, false));
    FindingDetails d = (FindingDetails) e.details();
    assertThat(d.severity()).isNull();
    assertThat(d.severityLabel()).isEqualTo("unknown");
  }

  @Test
  void read_snsWithBrokenMessage_isReportedAndSkipped() {
    String sns = "{\"Type\":\"Notification\",\"MessageId\":\"m1\",\"Message\":\"{\\\"detail-type\\\":\\\"GuardDuty Finding\\\",\"}";
    Read r = SourceTesting.read("sns.json", utf8(sns));
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_JSON);
      assertThat(p.message()).startsWith("SNS Message is not JSON");
    });
  }

  @Test
  void read_forcedOnCloudTrail_reportsRecordsAsNotFindings() {
    String ct = "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-10T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
        + "\"eventName\":\"ListBuckets\"}\n";
    List<NormalizedEvent> events = new ArrayList<>();
    IngestStats stats = new IngestStats(10);
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, new GuardDutySource())
        .read(InputFile.ofStream("ct.jsonl", () -> new ByteArrayInputStream(utf8(ct))), events::add, stats, null);
    assertThat(events).isEmpty();
    assertThat(stats.allExamples()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD));
  }

  @Test
  void normalize_eventBridgeDetailThatIsNotAFinding_isRejected() {
    JsonObject eb = (JsonObject) JsonTreeReader.lenient().read(
        "{\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"detail\":{\"note\":\"x\"}}");
    assertThat(new GuardDutySource().recognizes(eb)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GuardDutySource().normalize(eb, new Origin("x", 1, 1)))
        .isInstanceOf(InvalidRecordException.class);
  }
}
