package dev.kumo.ingest.securitylake;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Authentication;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.Read;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityLakeSourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String HIGH_RULE = "OCSF Detection Finding of High or Critical Severity";

  @Test
  void read_securityLake11Events_readsEachClass() {
    Read r = SampleFiles.read("aws.securitylake/security-lake-v2.jsonl");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(NormalizedEvent::source).containsOnly(SecurityLakeSource.ID);
    assertThat(r.events()).extracting(NormalizedEvent::ocsfClass).containsExactly(OcsfClass.API_ACTIVITY,
        OcsfClass.AUTHENTICATION, OcsfClass.NETWORK_ACTIVITY, OcsfClass.DNS_ACTIVITY, OcsfClass.DETECTION_FINDING);
  }

  @Test
  void normalize_cloudTrailApiActivity_fillsActorSourceAndApi() {
    NormalizedEvent e = SampleFiles.read("aws.securitylake/security-lake-v2.jsonl").events().get(0);
    assertThat(e.id()).isEqualTo("8f2b6c1e-4d7a-4e3b-9c5f-1a2b3c4d5e6f");
    assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1773481297000L));
    assertThat(e.cloud().provider()).isEqualTo("AWS");
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("eu-west-1");
    assertThat(e.actor().principal()).isEqualTo("arn:aws:iam::111122223333:user/build-bot"); // the ARN, from uid_alt
    assertThat(e.actor().principalId()).isEqualTo("AIDAQ3EGWXD4Y6JQ8N2PT");
    assertThat(e.actor().accessKeyId()).isEqualTo("AKIAQ3EGWXD4RZ6L2T7M");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    assertThat(e.src().userAgent()).startsWith("aws-cli/2.15.30");
    assertThat(e.api().service()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(e.api().operation()).isEqualTo("StopLogging");
    assertThat(e.resources()).singleElement().satisfies(x -> assertThat(x.account()).isEqualTo("111122223333"));
  }

  @Test
  void normalize_otherClasses_fillTheirDetails() {
    List<NormalizedEvent> events = SampleFiles.read("aws.securitylake/security-lake-v2.jsonl").events();
    assertThat(events.get(1).details()).isEqualTo(new Authentication("failure", "Failed authentication", null,
        "AWS Console"));
    assertThat(events.get(1).dst()).isEqualTo(new Endpoint(null, "https://console.aws.amazon.com/console/home", null,
        null, true));
    assertThat(events.get(2).details()).isEqualTo(new NetworkTraffic("tcp", 6254133L, 1043L, "accept", "outbound",
        "eni-0b8f0c6d2e1a34f57", "vpc-0a9e3c1d5f7b24e68", "i-0b8f0c6d2e1a34f57", 19, Instant.ofEpochMilli(1773481260000L)));
    assertThat(events.get(2).dst()).isEqualTo(new Endpoint("192.0.2.50", null, 3333, null, false));
    assertThat(events.get(3).details()).isEqualTo(new DnsQuery("pool.minexmr.example", "A", "NOERROR",
        List.of("192.0.2.50"), "udp"));
    FindingDetails f = (FindingDetails) events.get(4).details();
    assertThat(f.product()).isEqualTo("GuardDuty"); // metadata.product.feature.name, as Security Lake writes it
    assertThat(f.severityLabel()).isEqualTo("high");
    assertThat(f.type()).startsWith("TTPs/Initial Access/");
    assertThat(events.get(4).api().operation()).isEqualTo(f.type());
  }

  @Test
  void read_securityLake10Events_readsAccountChangeAsApiAndSecurityFindingAsFinding() {
    Read r = SampleFiles.read("aws.securitylake/security-lake-v1.jsonl");
    assertThat(r.problems()).isEmpty();
    NormalizedEvent change = r.events().get(0);
    assertThat(change.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(change.api().operation()).isEqualTo("CreateAccessKey");
    assertThat(change.cloud().account()).isEqualTo("111122223333"); // cloud.account_uid of OCSF 1.0
    assertThat(change.actor().mfa()).isFalse();
    NormalizedEvent finding = r.events().get(1);
    assertThat(finding.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    assertThat(finding.id()).startsWith("arn:aws:inspector2:");
    assertThat(((FindingDetails) finding.details()).title()).isEqualTo("CVE-2024-3094 - xz, xz-libs");
    assertThat(((FindingDetails) finding.details()).severityLabel()).isEqualTo("critical");
  }

  @Test
  void read_classKumoDoesNotRead_isReportedWithItsName() {
    Read r = SourceTesting.read("inv.jsonl", utf8("{\"class_uid\":5001,\"class_name\":\"Device Inventory Info\","
        + "\"metadata\":{\"version\":\"1.1.0\",\"product\":{\"name\":\"Systems Manager\"}},\"time\":1773481297000}\n"));
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD);
      assertThat(p.message()).isEqualTo("OCSF class 5001 (Device Inventory Info) is not one Kumo reads; skipped");
    });
  }

  @Test
  void read_recordWithoutOcsfMetadata_isNotClaimed() {
    assertThat(new SecurityLakeSource().recognizes(dev.kumo.json.JsonObject.of("class_uid", 6003L))).isFalse();
  }

  @Test
  void highFindingRule_firesOnTheHighFinding_notOnOtherEvents() {
    List<NormalizedEvent> v2 = SampleFiles.read("aws.securitylake/security-lake-v2.jsonl").events();
    assertThat(v2).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(HIGH_RULE))
        .containsExactly(false, false, false, false, true);
    List<NormalizedEvent> v1 = SampleFiles.read("aws.securitylake/security-lake-v1.jsonl").events();
    assertThat(v1).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(HIGH_RULE))
        .containsExactly(false, true);
  }
}
