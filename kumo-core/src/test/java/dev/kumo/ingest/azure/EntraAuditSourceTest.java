package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Directory audits from every layout become API Activity over one flat record. */
class EntraAuditSourceTest {
  @Test
  void normalize_storageExport_directoryCategoryInitiatorAndTargets() {
    List<NormalizedEvent> events = Samples.events("azure.audit/auditlogs-storage.json");

    NormalizedEvent add = events.get(0);
    assertThat(add.source()).isEqualTo(EntraAuditSource.ID);
    assertThat(add.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(add.field("category")).isEqualTo("RoleManagement");
    assertThat(add.field("operationName")).isEqualTo("Add member to role");
    assertThat(add.time()).isEqualTo("2024-05-01T10:12:33.5012345Z");
    assertThat(add.actor().principal()).isEqualTo("mallory@contoso-lab.example");
    assertThat(add.actor().identityType()).isEqualTo("User");
    assertThat(add.src().ip()).isEqualTo("203.0.113.45");
    assertThat(add.api().service()).isEqualTo("Core Directory");
    assertThat(add.api().operation()).isEqualTo("Add member to role");
    assertThat(add.resources()).extracting(r -> r.uid()).containsExactly("backdoor@contoso-lab.example", "Global Administrator");
    assertThat(add.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");

    NormalizedEvent byApp = events.get(1);
    assertThat(byApp.actor().identityType()).isEqualTo("ServicePrincipal");
    assertThat(byApp.actor().principal()).isEqualTo("Microsoft Substrate Management");
    assertThat(byApp.src().ip()).isNull(); // "<null>"
  }

  @Test
  void normalize_logAnalyticsAndGraph_sameFieldsForRules() {
    NormalizedEvent la = Samples.events("azure.audit/log-analytics-auditlogs.json").get(0);
    assertThat(la.field("InitiatedBy.user.userPrincipalName")).isEqualTo("mallory@contoso-lab.example");
    assertThat(la.field("TargetResources.modifiedProperties.displayName")).isEqualTo("IssuerUri");
    assertThat(la.actor().principal()).isEqualTo("mallory@contoso-lab.example");
    assertThat(la.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");

    List<NormalizedEvent> graph = Samples.events("azure.audit/graph-directoryaudits.json");
    assertThat(graph).hasSize(2);
    assertThat(graph.get(0).field("operationName")).isEqualTo("Delete conditional access policy");
    assertThat(graph.get(0).api().service()).isEqualTo("Conditional Access");
    assertThat(graph.get(0).src().ip()).isEqualTo("185.220.101.33");
  }
}
