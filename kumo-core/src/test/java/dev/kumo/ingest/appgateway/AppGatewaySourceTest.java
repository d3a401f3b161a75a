package dev.kumo.ingest.appgateway;

import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppGatewaySourceTest {
  private static final String ID = "azure.appgateway";

  @Test
  void read_plasoSample_isReadWithoutProblems() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.require("data/plaso-cloud-test-data/azure_application_gateway_access.json"));
    List<NormalizedEvent> events = readClean(ID, "azure_application_gateway_access.json", bytes);
    assertThat(events).hasSize(2);
    NormalizedEvent e = events.get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2021-10-14T22:17:11Z"));
    assertThat(e.cloud().provider()).isEqualTo("Azure");
    assertThat(e.cloud().account()).isEqualTo("{subscriptionId}");
    assertThat(e.src().labelWithPort()).isEqualTo("185.42.129.24:45057");
    assertThat(e.src().userAgent()).startsWith("Mozilla/5.0 (Windows NT 6.1; WOW64)");
    assertThat(e.dst().name()).isEqualTo("20.110.30.194");
    assertThat(e.api().operation()).isEqualTo("GET /");
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.bytesIn()).isEqualTo(184L);
    assertThat(h.bytesOut()).isEqualTo(466L);
    assertThat(((HttpRequest) events.get(1).details()).status()).isEqualTo(400);
    assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
    assertThat(matchingRuleNames(e)).isEmpty();
  }

  @Test
  void normalize_firewallEntry_isABlockByTheCrsRule() {
    NormalizedEvent fw = readClean(ID, "PT1H.json").get(1);
    assertThat(fw.time()).isEqualTo(Instant.parse("2026-03-14T09:12:47.001102Z"));
    assertThat(fw.cloud().account()).isEqualTo("0b1f6471-1bf0-4dda-aec3-cb9272f09590");
    assertThat(fw.src().ip()).isEqualTo("203.0.113.66");
    assertThat(fw.src().port()).isNull();
    assertThat(fw.api().operation()).isEqualTo("WAF block OWASP_CRS 930100");
    assertThat(fw.api().errorMessage()).isEqualTo("Path Traversal Attack (/../)");
    HttpRequest h = (HttpRequest) fw.details();
    assertThat(h.action()).isEqualTo("block");
    assertThat(h.rule()).isEqualTo("OWASP_CRS 930100");
    assertThat(h.url()).isEqualTo("/login?next=..%2f..%2f..%2fetc%2fpasswd");
  }

  @Test
  void read_recordsWrapperAndJsonLines_giveTheSameEvents() {
    List<NormalizedEvent> lines = readClean(ID, "PT1H.json");
    List<NormalizedEvent> wrapped = readClean(ID, "records-export.json");
    assertThat(wrapped).extracting(NormalizedEvent::id).isEqualTo(lines.stream().map(NormalizedEvent::id).toList());
  }

  @Test
  void rules_traversalInQueryOrFirewallUri_fires() {
    List<NormalizedEvent> events = readClean(ID, "PT1H.json");
    assertThat(matchingRuleNames(events.get(0))).isEmpty();
    assertThat(matchingRuleNames(events.get(1))).containsExactly("kumo_web_path_traversal_in_request");
    assertThat(matchingRuleNames(events.get(2))).containsExactly("kumo_web_path_traversal_in_request");
  }

  @Test
  void recognizes_neverClaimsActivityLogRecords() throws IOException {
    AppGatewaySource s = new AppGatewaySource();
    List<String> lines = Files.readAllLines(SharedData.require("data/plaso-cloud-test-data/azure_activity_log.jsonl"));
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(s.recognizes((JsonObject) JsonTreeReader.lenient().read(line))).as(line).isFalse();
    }
    for (SourceTesting.PantherCase c : SourceTesting.pantherCases("tests_Azure.MonitorActivity.jsonl.gz")) {
      assertThat(s.recognizes(c.log())).as(c.testName()).isFalse();
    }
    assertThat(s.recognizes(JsonObject.of("category", "ApplicationGatewayPerformanceLog", "properties",
        JsonObject.EMPTY))).isFalse();
    assertThat(s.recognizes(JsonObject.of("Category", "applicationgatewayaccesslog", "Properties",
        JsonObject.EMPTY))).isTrue();
  }
}
