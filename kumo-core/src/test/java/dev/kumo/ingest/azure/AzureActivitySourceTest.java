package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Activity Log's layouts all reach rules in the diagnostic layout, with the key fields normalized. */
class AzureActivitySourceTest {
  @Test
  void normalize_eventHubRecords_fillsActorSourceApiAndSubscription() {
    List<NormalizedEvent> events = Samples.events("azure.activity/eventhub-records.json");

    assertThat(events).hasSize(3).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(AzureActivitySource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
      assertThat(e.cloud().provider()).isEqualTo("Azure");
    });
    NormalizedEvent nsg = events.get(0);
    assertThat(nsg.time()).isEqualTo("2024-05-01T10:02:11.4831127Z");
    assertThat(nsg.api().operation()).isEqualTo("MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE");
    assertThat(nsg.api().service()).isEqualTo("MICROSOFT.NETWORK");
    assertThat(nsg.api().readOnly()).isFalse();
    assertThat(nsg.api().failed()).isFalse();
    assertThat(nsg.cloud().account()).isEqualTo("3f1a9c2e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    assertThat(nsg.cloud().region()).isEqualTo("westeurope");
    assertThat(nsg.actor().identityType()).isEqualTo("User");
    assertThat(nsg.actor().userName()).isEqualTo("mallory@contoso-lab.example");
    assertThat(nsg.actor().principalId()).isEqualTo("5e0c8a3d-1f2b-4c6d-8e9a-0b1c2d3e4f50");
    assertThat(nsg.actor().mfa()).isTrue();
    assertThat(nsg.src().ip()).isEqualTo("203.0.113.45");
    assertThat(nsg.resources()).singleElement().satisfies(r -> assertThat(r.uid()).endsWith("/SECURITYRULES/ALLOW-RDP-ANY"));
    assertThat(nsg.field("resourceProviderName")).isEqualTo("MICROSOFT.NETWORK");

    NormalizedEvent elevate = events.get(1);
    assertThat(elevate.cloud().region()).isNull(); // "global"
    assertThat(elevate.api().service()).isEqualTo("MICROSOFT.AUTHORIZATION");

    NormalizedEvent failed = events.get(2);
    assertThat(failed.api().failed()).isTrue();
    assertThat(failed.api().errorCode()).isEqualTo("Failed.Conflict");
    assertThat(failed.actor().identityType()).isEqualTo("ServicePrincipal");
    assertThat(failed.actor().principal()).isEqualTo("aa11bb22-cc33-4d44-8e55-ff6677889900");
  }

  @Test
  void normalize_logAnalyticsTable_getsDiagnosticNamesAndParsedProperties() {
    List<NormalizedEvent> events = Samples.events("azure.activity/log-analytics-azureactivity.json");

    NormalizedEvent e = events.get(0);
    assertThat(e.source()).isEqualTo(AzureActivitySource.ID);
    assertThat(e.field("operationName")).isEqualTo("Microsoft.ADHybridHealthService/services/servicemembers/action");
    assertThat(e.field("category")).isEqualTo("Administrative");
    assertThat(e.field("resourceProviderName")).isEqualTo("Microsoft.ADHybridHealthService");
    assertThat(e.field("resultType")).isEqualTo("Success");
    assertThat(e.field("properties.entity")).contains("AdFederationService");
    assertThat(e.raw().getObject("Claims")).isNotNull();
    assertThat(e.actor().userName()).isEqualTo("eve@contoso-lab.example");
    assertThat(e.id()).isEqualTo("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f");
    assertThat(e.time()).isEqualTo("2024-05-02T08:14:31.9876543Z");
    assertThat(e.cloud().account()).isEqualTo("3f1a9c2e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    assertThat(events.get(1).api().readOnly()).isTrue();
  }

  @Test
  void normalize_azCliEventData_flattensLocalizedValues() {
    NormalizedEvent e = Samples.events("azure.activity/az-activity-log-list.json").get(0);

    assertThat(e.field("operationName")).isEqualTo("Microsoft.Portal/consoles/write");
    assertThat(e.field("category")).isEqualTo("Administrative");
    assertThat(e.field("resultType")).isEqualTo("Succeeded");
    assertThat(e.field("callerIpAddress")).isEqualTo("192.0.2.199");
    assertThat(e.raw().get("operationName")).isInstanceOf(String.class);
    assertThat(e.time()).isEqualTo("2024-05-03T21:44:09.7412345Z");
    assertThat(e.actor().principal()).isEqualTo("mallory@contoso-lab.example");
    assertThat(e.src().ip()).isEqualTo("192.0.2.199");
    assertThat(e.api().service()).isEqualTo("Microsoft.Portal");
  }

  @Test
  void read_recordWithoutTime_isKeptWithUnknownTime() {
    SourceTesting.Read r = SourceTesting.read("a.jsonl", ("{\"p_log_type\":\"Azure.MonitorActivity\","
        + "\"operationName\":\"Microsoft.Storage/storageAccounts/write\"}\n").getBytes(StandardCharsets.UTF_8));

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
      assertThat(e.id()).startsWith("sha256:");
      assertThat(e.api().service()).isEqualTo("Microsoft.Storage");
    });
  }

  @Test
  void read_operationNameNotText_isReportedAsMalformed() {
    SourceTesting.Read r = SourceTesting.read("a.jsonl", ("{\"p_log_type\":\"Azure.MonitorActivity\","
        + "\"time\":\"2024-05-01T00:00:00Z\",\"operationName\":[1,2]}\n").getBytes(StandardCharsets.UTF_8));

    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_RECORD));
  }

  @Test
  void recognizes_entraAndGatewayEnvelopes_areNotActivityLog() {
    AzureActivitySource s = new AzureActivitySource();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("time", "2024-05-01T00:00:00Z", "resourceId",
        "/tenants/t/providers/Microsoft.aadiam", "operationName", "Add user", "category", "AuditLogs"))).isFalse();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("time", "2024-05-01T00:00:00Z", "resourceId",
        "/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/GW", "operationName",
        "ApplicationGatewayAccess", "category", "ApplicationGatewayAccessLog"))).isFalse();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("time", "2024-05-01T00:00:00Z", "resourceId",
        "/SUBSCRIPTIONS/S", "operationName", "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "category", "Administrative")))
        .isTrue();
  }
}
