package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Time parsing, flattening and content ids shared by the Microsoft sources. */
class AzureRecordsTest {
  @Test
  void parseTime_everyFormTheExportsWrite() {
    assertThat(AzureRecords.parseTime("2024-05-01T10:02:11.4831127Z")).isEqualTo("2024-05-01T10:02:11.483112700Z");
    assertThat(AzureRecords.parseTime("2024-05-01T07:58:14.3318456+00:00")).isEqualTo("2024-05-01T07:58:14.331845600Z");
    assertThat(AzureRecords.parseTime("2024-05-01T09:58:14+02:00")).isEqualTo("2024-05-01T07:58:14Z");
    assertThat(AzureRecords.parseTime("2025-01-15 14:20:35.456")).isEqualTo("2025-01-15T14:20:35.456Z");
    assertThat(AzureRecords.parseTime("2022-05-07T12:55:53")).isEqualTo("2022-05-07T12:55:53Z");
    assertThat(AzureRecords.parseTime("2024-05-01T10:00:00.1234567890123Z")).isNull();
    assertThat(AzureRecords.parseTime("/Date(1714557600000)/")).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(AzureRecords.parseTime("/Date(99999999999999999999)/")).isNull();
    assertThat(AzureRecords.parseTime("2024-02-30T10:00:00Z")).isNull();
    assertThat(AzureRecords.parseTime("not a time")).isNull();
  }

  @Test
  void time_placeholderYearOneIsNoTime() {
    assertThat(AzureRecords.time(JsonObject.of("a", "0001-01-01T08:00:00Z", "b", "2024-05-05T06:00:09Z"), "a", "b"))
        .isEqualTo(Instant.parse("2024-05-05T06:00:09Z"));
  }

  @Test
  void flatten_propertiesFirstEnvelopeKeysNotShadowedExtrasOnlyWhenMissing() {
    JsonObject props = JsonObject.of("category", "UserManagement", "result", "success");
    JsonObject envelope = JsonObject.of("time", "t", "Category", "AuditLogs", "properties", props);

    JsonObject flat = AzureRecords.flatten(envelope, props, "result", "ignored", "operationName", "Add user",
        "empty", "");

    assertThat(flat.toJson()).isEqualTo(
        "{\"category\":\"UserManagement\",\"result\":\"success\",\"time\":\"t\",\"operationName\":\"Add user\"}");
    assertThat(AzureRecords.flatten(envelope, null, "time", "x")).isSameAs(envelope);
  }

  @Test
  void parseJsonText_parsesObjectsAndArraysButNotEmptyListOrBrokenText() {
    JsonObject r = JsonObject.of("a", "{\"x\":1}", "b", "[\"ip\"]", "c", "[]", "d", "{broken", "e", "plain");

    JsonObject parsed = AzureRecords.parseJsonText(r);

    assertThat(parsed.get("a")).isInstanceOf(JsonObject.class);
    assertThat(parsed.get("b")).isEqualTo(JsonArray.of("ip"));
    assertThat(parsed.get("c")).isEqualTo("[]");
    assertThat(parsed.get("d")).isEqualTo("{broken");
    assertThat(AzureRecords.parseJsonText(JsonObject.of("e", "plain"))).isEqualTo(JsonObject.of("e", "plain"));
  }

  @Test
  void contentId_stableAndSensitiveToStructure() {
    JsonObject a = JsonObject.of("k", "ab", "n", 1L);
    assertThat(AzureRecords.contentId(a)).isEqualTo(AzureRecords.contentId(JsonObject.of("k", "ab", "n", 1L)))
        .startsWith("sha256:").hasSize(39);
    assertThat(AzureRecords.contentId(a)).isNotEqualTo(AzureRecords.contentId(JsonObject.of("k", "a", "n", 1L)));
    assertThat(AzureRecords.contentId(JsonObject.of("k", "1"))).isNotEqualTo(AzureRecords.contentId(JsonObject.of("k", 1L)));
  }

  @Test
  void providerAndSubscription_fromResourceIdOrOperation() {
    String id = "/SUBSCRIPTIONS/3F1A/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG";
    assertThat(AzureRecords.subscriptionOf(id)).isEqualTo("3f1a");
    assertThat(AzureRecords.providerOf(id, null)).isEqualTo("MICROSOFT.NETWORK");
    assertThat(AzureRecords.providerOf(null, "Microsoft.Compute/disks/delete")).isEqualTo("Microsoft.Compute");
    assertThat(AzureRecords.providerOf("/subscriptions/x", "GetBlob")).isNull();
    assertThat(AzureRecords.subscriptionOf("/subscriptions/")).isNull();
  }
}
