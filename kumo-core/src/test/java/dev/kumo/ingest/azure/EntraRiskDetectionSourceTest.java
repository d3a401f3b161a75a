package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Risk detections become Detection Findings of Entra ID Protection. */
class EntraRiskDetectionSourceTest {
  @Test
  void normalize_graphRiskDetections_findingTypeSeverityAndUser() {
    List<NormalizedEvent> events = Samples.events("azure.riskdetection/graph-riskdetections.json");

    NormalizedEvent travel = events.get(0);
    assertThat(travel.source()).isEqualTo(EntraRiskDetectionSource.ID);
    assertThat(travel.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    assertThat(travel.time()).isEqualTo("2024-05-03T04:40:11Z");
    assertThat(travel.actor().principal()).isEqualTo("carol@contoso-lab.example");
    assertThat(travel.src().ip()).isEqualTo("185.220.101.33");
    assertThat(travel.details()).isInstanceOfSatisfying(FindingDetails.class, f -> {
      assertThat(f.product()).isEqualTo("Microsoft Entra ID Protection");
      assertThat(f.type()).isEqualTo("unlikelyTravel");
      assertThat(f.severityLabel()).isEqualTo("high");
    });
    assertThat(events.get(1).details()).isInstanceOfSatisfying(FindingDetails.class,
        f -> assertThat(f.severityLabel()).isEqualTo("informational"));
  }

  @Test
  void normalize_userRiskEventsExport_liftsProperties() {
    NormalizedEvent e = Samples.events("azure.riskdetection/userriskevents-storage.json").get(0);

    assertThat(e.source()).isEqualTo(EntraRiskDetectionSource.ID);
    assertThat(e.field("riskEventType")).isEqualTo("passwordSpray");
    assertThat(e.actor().principal()).isEqualTo("bob@contoso-lab.example");
    assertThat(e.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");
  }
}
