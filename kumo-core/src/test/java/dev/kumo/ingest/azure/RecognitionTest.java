package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.m365.M365AuditSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Microsoft source recognizes its own records and no other Microsoft source's, whatever their
 * order in the registry, so a file mixing them (a SIEM export) is still read right.
 */
class RecognitionTest {
  private static final List<JsonLogSource> MICROSOFT = LogSources.defaults().all().stream()
      .filter(s -> s.id().startsWith("azure.") || s.id().startsWith("m365."))
      .filter(JsonLogSource.class::isInstance).map(JsonLogSource.class::cast).toList();

  private static List<JsonObject> records(String sample) throws IOException {
    Object parsed = JsonTreeReader.lenient().read(Files.readString(Path.of("src/test/resources/samples", sample)));
    List<JsonObject> out = new ArrayList<>();
    if (parsed instanceof JsonArray a) {
      a.forEach(o -> out.add((JsonObject) o));
    } else if (parsed instanceof JsonObject o && o.get("records") instanceof JsonArray a) {
      a.forEach(x -> out.add((JsonObject) x));
    } else if (parsed instanceof JsonObject o && o.get("value") instanceof JsonArray a) {
      a.forEach(x -> out.add((JsonObject) x));
    } else {
      out.add((JsonObject) parsed);
    }
    return out;
  }

  private static List<JsonObject> jsonLines(String sample) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/samples", sample))) {
      if (!line.isBlank()) {
        out.add((JsonObject) JsonTreeReader.lenient().read(line));
      }
    }
    return out;
  }

  private static void onlyRecognizedBy(String sourceId, List<JsonObject> records) {
    assertThat(records).isNotEmpty();
    for (JsonObject r : records) {
      List<String> claimers = MICROSOFT.stream().filter(s -> s.recognizes(r)).map(LogSource::id).toList();
      assertThat(claimers).as(r.toJson().substring(0, Math.min(120, r.toJson().length()))).containsExactly(sourceId);
    }
  }

  @Test
  void recognizes_eachFixtureRecord_byItsOwnSourceOnly() throws IOException {
    onlyRecognizedBy(AzureActivitySource.ID, records("azure.activity/eventhub-records.json"));
    onlyRecognizedBy(AzureActivitySource.ID, records("azure.activity/log-analytics-azureactivity.json"));
    onlyRecognizedBy(AzureActivitySource.ID, records("azure.activity/az-activity-log-list.json"));
    onlyRecognizedBy(EntraSignInSource.ID, jsonLines("azure.signin/signinlogs-storage.json"));
    onlyRecognizedBy(EntraSignInSource.ID, records("azure.signin/log-analytics-signinlogs.json"));
    onlyRecognizedBy(EntraSignInSource.ID, records("azure.signin/graph-signins.json"));
    onlyRecognizedBy(EntraAuditSource.ID, jsonLines("azure.audit/auditlogs-storage.json"));
    onlyRecognizedBy(EntraAuditSource.ID, records("azure.audit/log-analytics-auditlogs.json"));
    onlyRecognizedBy(EntraAuditSource.ID, records("azure.audit/graph-directoryaudits.json"));
    onlyRecognizedBy(EntraRiskDetectionSource.ID, records("azure.riskdetection/graph-riskdetections.json"));
    onlyRecognizedBy(EntraRiskDetectionSource.ID, jsonLines("azure.riskdetection/userriskevents-storage.json"));
    onlyRecognizedBy(EntraPimAlertSource.ID, records("azure.pim/graph-alerts.json"));
    onlyRecognizedBy(EntraPimAlertSource.ID, records("azure.pim/graph-alert-incidents.json"));
    onlyRecognizedBy(AksAuditSource.ID, records("azure.aks/kube-audit-eventhub.json"));
    onlyRecognizedBy(AksAuditSource.ID, records("azure.aks/aksaudit-log-analytics.json"));
    onlyRecognizedBy(DefenderAlertSource.ID, records("azure.defender/az-security-alert-list.json"));
    onlyRecognizedBy(DefenderAlertSource.ID, records("azure.defender/securityalert-log-analytics.json"));
    onlyRecognizedBy(M365AuditSource.ID, records("m365.audit/management-activity-api.json"));
  }

  @Test
  void recognizes_pantherRecordsNotRoutedByLogType_bySourceOnly() throws IOException {
    for (String file : List.of("tests_Azure.Audit.jsonl.gz", "tests_Azure.MonitorActivity.jsonl.gz",
        "tests_Microsoft365.Audit.AzureActiveDirectory.jsonl.gz", "tests_Microsoft365.Audit.Exchange.jsonl.gz",
        "tests_Microsoft365.Audit.SharePoint.jsonl.gz", "tests_MicrosoftGraph.SecurityAlertV2.jsonl.gz")) {
      for (PantherCase c : SourceTesting.pantherCases(file)) {
        JsonObject r = c.log();
        if (r.get("p_log_type") instanceof String type
            && LogSources.defaults().all().stream().anyMatch(s -> s.pantherLogTypes().contains(type))) {
          continue; // routed by its log type; Azure.Audit is claimed by no source and must be recognized
        }
        String expected = file.startsWith("tests_Azure.MonitorActivity") ? AzureActivitySource.ID
            : file.startsWith("tests_Microsoft365") ? M365AuditSource.ID
            : file.startsWith("tests_MicrosoftGraph") ? DefenderAlertSource.ID
            : String.valueOf(r.get("category")).endsWith("SignInLogs") ? EntraSignInSource.ID : EntraAuditSource.ID;
        List<String> claimers = MICROSOFT.stream().filter(s -> s.recognizes(r)).map(LogSource::id).toList();
        assertThat(claimers).as(file + " / " + c.testName()).containsExactly(expected);
      }
    }
  }
}
