package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.m365.M365AuditSource;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every Microsoft cloud sample in ../shared/data is read by the right source, with no problem. */
class AzureSharedSamplesTest {
  private static SourceTesting.Read panther(String file) throws IOException {
    return SourceTesting.read(file + ".jsonl", SourceTesting.pantherLogsAsJsonLines(file + ".jsonl.gz"));
  }

  private static Map<String, Long> bySource(List<NormalizedEvent> events) {
    return events.stream().collect(Collectors.groupingBy(NormalizedEvent::source, Collectors.counting()));
  }

  @Test
  void pantherAzureAudit_signInsAndDirectoryAuditsGoToTheirOwnSources() throws IOException {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_Azure.Audit.jsonl.gz");
    long signIns = cases.stream().filter(c -> String.valueOf(c.log().get("category")).endsWith("SignInLogs")).count();
    SourceTesting.Read r = panther("tests_Azure.Audit");

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(47);
    assertThat(bySource(r.events())).containsOnly(Map.entry(EntraSignInSource.ID, signIns),
        Map.entry(EntraAuditSource.ID, 47 - signIns));
    for (int i = 0; i < cases.size(); i++) {
      boolean signIn = String.valueOf(cases.get(i).log().get("category")).endsWith("SignInLogs");
      NormalizedEvent e = r.events().get(i);
      assertThat(e.ocsfClass()).isEqualTo(signIn ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY);
      assertThat(e.time()).as(cases.get(i).testName()).isNotEqualTo(NormalizedEvent.UNKNOWN_TIME);
    }
  }

  @Test
  void pantherMonitorActivity_everyRecordIsActivityLog() throws IOException {
    SourceTesting.Read r = panther("tests_Azure.MonitorActivity");

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(214).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(AzureActivitySource.ID);
      assertThat(e.time()).isNotEqualTo(NormalizedEvent.UNKNOWN_TIME);
      assertThat(e.api().operation()).isNotBlank();
    });
  }

  @Test
  void plasoActivityLog_sdkSnakeCaseEventData() {
    SourceTesting.Read r = SourceTesting.read(SharedData.require("data/plaso-cloud-test-data/azure_activity_log.jsonl"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4).allSatisfy(e -> assertThat(e.source()).isEqualTo(AzureActivitySource.ID));
    NormalizedEvent first = r.events().get(0);
    assertThat(first.api().operation()).isEqualTo("Microsoft.Compute/disks/delete");
    assertThat(first.api().service()).isEqualTo("Microsoft.Compute");
    assertThat(first.time()).isEqualTo("2022-02-09T03:04:54.297853Z");
    assertThat(first.src().ip()).isEqualTo("1.2.3.4");
    assertThat(first.id()).isEqualTo("587eda65-125e-48c2-9b04-ab5e8d3a1d8e");
    assertThat(first.field("operationName")).isEqualTo("Microsoft.Compute/disks/delete");
  }

  @Test
  void pantherMicrosoft365_andPlasoAuditLog_areUnifiedAuditLog() throws IOException {
    for (String file : List.of("tests_Microsoft365.Audit.AzureActiveDirectory", "tests_Microsoft365.Audit.Exchange",
        "tests_Microsoft365.Audit.SharePoint")) {
      SourceTesting.Read r = panther(file);
      assertThat(r.problems()).as(file).isEmpty();
      assertThat(r.events()).as(file).isNotEmpty().allSatisfy(e -> {
        assertThat(e.source()).isEqualTo(M365AuditSource.ID);
        assertThat(e.time()).isNotEqualTo(NormalizedEvent.UNKNOWN_TIME);
      });
    }
    SourceTesting.Read plaso = SourceTesting.read(SharedData.require("data/plaso-cloud-test-data/microsoft_audit_log.jsonl"));
    assertThat(plaso.problems()).isEmpty();
    assertThat(plaso.events()).hasSize(4).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(M365AuditSource.ID);
      assertThat(e.api().service()).isIn("Exchange", "AzureActiveDirectory");
      assertThat(e.actor().userName()).isNotBlank();
    });
  }

  @Test
  void pantherGraphSecurityAlerts_areDetectionFindings() throws IOException {
    SourceTesting.Read r = panther("tests_MicrosoftGraph.SecurityAlertV2");

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(DefenderAlertSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    });
  }

  @Test
  void applicationGatewayRecords_goToTheGatewaySourceAndIntuneRecordsAreNotClaimed() throws IOException {
    SourceTesting.Read gateway = SourceTesting.read(
        SharedData.require("data/plaso-cloud-test-data/azure_application_gateway_access.json"));
    assertThat(gateway.events()).isNotEmpty().allMatch(e -> e.source().equals("azure.appgateway"));
    SourceTesting.Read intune = SourceTesting.read("intune.jsonl",
        SourceTesting.pantherLogsAsJsonLines("other-saas/tests_MicrosoftIntune.AuditLogs.jsonl.gz"));
    assertThat(intune.events()).noneMatch(e -> e.source().startsWith("azure.") || e.source().startsWith("m365."));
  }
}
