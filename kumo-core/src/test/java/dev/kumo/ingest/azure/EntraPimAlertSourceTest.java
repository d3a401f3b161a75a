package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PIM alerts and incidents become Detection Findings named by their incident type. */
class EntraPimAlertSourceTest {
  @Test
  void normalize_expandedAlerts_activeAlertTypedInactiveNot() {
    List<NormalizedEvent> events = Samples.events("azure.pim/graph-alerts.json");

    NormalizedEvent admins = events.get(0);
    assertThat(admins.source()).isEqualTo(EntraPimAlertSource.ID);
    assertThat(admins.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    assertThat(admins.field("alertIncidentType")).isEqualTo("tooManyGlobalAdminsAssignedToTenantAlertIncident");
    assertThat(admins.time()).isEqualTo("2024-05-05T06:00:12.345Z");
    assertThat(admins.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");
    assertThat(admins.details()).isInstanceOfSatisfying(FindingDetails.class, f -> {
      assertThat(f.title()).isEqualTo("There are too many global administrators");
      assertThat(f.severityLabel()).isEqualTo("low");
    });
    NormalizedEvent stale = events.get(1);
    assertThat(stale.field("alertIncidentType")).isNull();
    assertThat(stale.time()).isEqualTo("2024-05-05T06:00:09.876Z"); // lastModifiedDateTime is a 0001 placeholder
  }

  @Test
  void normalize_incidents_typeFromODataTypeAndAssignee() {
    NormalizedEvent e = Samples.events("azure.pim/graph-alert-incidents.json").get(0);

    assertThat(e.field("alertIncidentType")).isEqualTo("rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident");
    assertThat(e.actor().principal()).isEqualTo("backdoor@contoso-lab.example");
    assertThat(e.details()).isInstanceOfSatisfying(FindingDetails.class,
        f -> assertThat(f.resources()).containsExactly("Global Administrator"));
    assertThat(e.time()).isEqualTo("2024-05-01T10:12:33Z");
  }

  @Test
  void incidentType_unknownDefinitionFollowsTheNamingPattern() {
    assertThat(EntraPimAlertSource.incidentType(JsonObject.of("alertDefinitionId", "DirectoryRole_t_NewKindOfAlert",
        "isActive", Boolean.TRUE))).isEqualTo("newKindOfAlertIncident");
    assertThat(EntraPimAlertSource.incidentType(JsonObject.of("alertDefinitionId", "DirectoryRole_t_",
        "isActive", Boolean.TRUE))).isNull();
  }
}
