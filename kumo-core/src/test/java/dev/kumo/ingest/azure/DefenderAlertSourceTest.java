package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import org.junit.jupiter.api.Test;

/** Defender for Cloud alerts (ARM and SecurityAlert table) become Detection Findings. */
class DefenderAlertSourceTest {
  @Test
  void normalize_armAlert_liftsPropertiesIntoTheFinding() {
    NormalizedEvent e = Samples.events("azure.defender/az-security-alert-list.json").get(0);

    assertThat(e.source()).isEqualTo(DefenderAlertSource.ID);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.DETECTION_FINDING);
    assertThat(e.time()).isEqualTo("2024-05-04T03:21:40.2233445Z");
    assertThat(e.cloud().account()).isEqualTo("3f1a9c2e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    assertThat(e.field("alertType")).isEqualTo("VM_DigitalCurrencyMining");
    assertThat(e.details()).isInstanceOfSatisfying(FindingDetails.class, f -> {
      assertThat(f.product()).isEqualTo("Microsoft Defender for Cloud");
      assertThat(f.type()).isEqualTo("VM_DigitalCurrencyMining");
      assertThat(f.title()).isEqualTo("Digital currency mining related behavior detected");
      assertThat(f.severityLabel()).isEqualTo("high");
      assertThat(f.resources()).contains("web-01");
    });
    assertThat(e.resources()).singleElement().satisfies(r -> assertThat(r.uid()).endsWith("/virtualMachines/web-01"));
  }

  @Test
  void normalize_securityAlertTable_columnsAndParsedEntities() {
    NormalizedEvent e = Samples.events("azure.defender/securityalert-log-analytics.json").get(0);

    assertThat(e.field("Entities.HostName")).isEqualTo("web-01");
    assertThat(e.details()).isInstanceOfSatisfying(FindingDetails.class, f -> {
      assertThat(f.type()).isEqualTo("VM_DigitalCurrencyMining");
      assertThat(f.severityLabel()).isEqualTo("high");
    });
    assertThat(e.time()).isEqualTo("2024-05-04T03:22:10Z");
  }
}
