package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AKS records reach rules as the Kubernetes audit event, with the cluster as context. */
class AksAuditSourceTest {
  @Test
  void normalize_kubeAuditRecords_rawIsTheKubernetesEvent() {
    List<NormalizedEvent> events = Samples.events("azure.aks/kube-audit-eventhub.json");

    assertThat(events).hasSize(4).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(AksAuditSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
      assertThat(e.raw().getString("kind")).isEqualTo("Event");
      assertThat(e.cloud().account()).isEqualTo("3f1a9c2e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    });
    NormalizedEvent exec = events.get(0);
    assertThat(exec.id()).isEqualTo("0f1e2d3c-4b5a-4968-8776-655443322110:ResponseComplete");
    assertThat(exec.time()).isEqualTo("2024-05-01T10:31:44.998877Z");
    assertThat(exec.api().operation()).isEqualTo("create pods/exec");
    assertThat(exec.api().service()).isEqualTo("kubernetes");
    assertThat(exec.actor().principal()).isEqualTo("mallory@contoso-lab.example");
    assertThat(exec.actor().identityType()).isEqualTo("User");
    assertThat(exec.src().ip()).isEqualTo("203.0.113.45");
    assertThat(exec.resources()).extracting(r -> r.uid()).containsExactly(
        "/SUBSCRIPTIONS/3F1A9C2E-8B7D-4E6F-A5C4-2B1D0E9F8A7C/RESOURCEGROUPS/AKS-PROD/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/PROD-AKS",
        "payments/pods/api-6d8f7c9b5-qw2er");
    assertThat(events.get(1).actor().identityType()).isEqualTo("ServiceAccount");
    assertThat(events.get(1).api().readOnly()).isTrue();
    NormalizedEvent denied = events.get(3);
    assertThat(denied.api().errorCode()).isEqualTo("403");
    assertThat(denied.api().errorMessage()).isEqualTo("Forbidden");
  }

  @Test
  void normalize_logAnalyticsAksAudit_columnsParsed() {
    NormalizedEvent e = Samples.events("azure.aks/aksaudit-log-analytics.json").get(0);

    assertThat(e.source()).isEqualTo(AksAuditSource.ID);
    assertThat(e.field("ObjectRef.resource")).isEqualTo("clusterrolebindings");
    assertThat(e.api().operation()).isEqualTo("create clusterrolebindings");
    assertThat(e.api().service()).isEqualTo("rbac.authorization.k8s.io");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    assertThat(e.actor().principal()).isEqualTo("mallory@contoso-lab.example");
    assertThat(e.time()).isEqualTo("2024-05-02T09:00:00.03Z");
  }

  @Test
  void read_azureDiagnosticsTable_eventInLogColumn() {
    String row = "{\"Category\":\"kube-audit\",\"TimeGenerated\":\"2024-05-01T00:00:00Z\",\"ResourceId\":"
        + "\"/SUBSCRIPTIONS/3F1A/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/C\",\"log_s\":"
        + "\"{\\\"kind\\\":\\\"Event\\\",\\\"verb\\\":\\\"delete\\\",\\\"objectRef\\\":{\\\"resource\\\":\\\"events\\\"},"
        + "\\\"stageTimestamp\\\":\\\"2024-05-01T00:00:01.5Z\\\"}\",\"Type\":\"AzureDiagnostics\"}";
    SourceTesting.Read r = SourceTesting.read("diag.jsonl", (row + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(AksAuditSource.ID);
      assertThat(e.api().operation()).isEqualTo("delete events");
      assertThat(e.time()).isEqualTo("2024-05-01T00:00:01.5Z");
      assertThat(e.cloud().account()).isEqualTo("3f1a");
    });
  }

  @Test
  void read_logThatIsNotJson_isReportedWithoutStoppingTheFile() {
    String bad = "{\"category\":\"kube-audit\",\"time\":\"2024-05-01T00:00:00Z\",\"properties\":{\"log\":\"I0501 klog line\"}}";
    String missing = "{\"category\":\"kube-audit-admin\",\"time\":\"2024-05-01T00:00:00Z\",\"properties\":{\"stream\":\"stdout\"}}";
    String good = "{\"category\":\"kube-audit\",\"time\":\"2024-05-01T00:00:00Z\",\"properties\":{\"log\":"
        + "\"{\\\"kind\\\":\\\"Event\\\",\\\"verb\\\":\\\"get\\\",\\\"auditID\\\":\\\"a1\\\"}\"}}";
    SourceTesting.Read r = SourceTesting.read("aks.jsonl", (bad + "\n" + missing + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.api().operation()).isEqualTo("get");
      assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
    });
    assertThat(r.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.MALFORMED_JSON, ProblemKind.MALFORMED_RECORD);
    assertThat(r.problems().get(0).message()).startsWith("AKS properties.log is not a JSON Kubernetes audit event");
  }
}
