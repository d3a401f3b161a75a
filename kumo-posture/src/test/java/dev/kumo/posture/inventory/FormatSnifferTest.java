package dev.kumo.posture.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatSnifferTest {
  @Test
  void detect_knownExports_areRecognised() {
    assertThat(FormatSniffer.detect("{\"fileVersion\":\"1.0\",\"configSnapshotId\":\"x\",\"configurationItems\":[]}"))
        .isEqualTo("aws-config");
    assertThat(FormatSniffer.detect("{\"format_version\":\"1.2\",\"planned_values\":{}}")).isEqualTo("terraform");
    assertThat(FormatSniffer.detect("{\"name\":\"//storage.googleapis.com/b\",\"asset_type\":\"x\"}"))
        .isEqualTo("gcp-asset-inventory");
    assertThat(FormatSniffer.detect("[{\"class_uid\":2004,\"metadata\":{\"product\":{\"name\":\"Prowler\"}}}]"))
        .isEqualTo("prowler");
    assertThat(FormatSniffer.detect("{\"ResourceType\":\"AWS.S3.Bucket\"}")).isEqualTo("panther");
    assertThat(FormatSniffer.detect("{\"data\":[{\"type\":\"microsoft.storage/storageaccounts\","
        + "\"subscriptionId\":\"s\"}]}")).isEqualTo("azure-resource-graph");
  }

  @Test
  void detect_cloudTrailLog_isNoInventory() {
    assertThat(FormatSniffer.detect("{\"Records\":[{\"eventName\":\"GetObject\"}]}")).isNull();
  }
}
