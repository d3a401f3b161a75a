package dev.kumo.ingest.gcphttplb;

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

class GcpHttpLbSourceTest {
  private static final String ID = "gcp.http_lb";
  private static final String FILE = "requests.jsonl";

  @Test
  void normalize_request_givesHttpActivityInTheProject() {
    NormalizedEvent e = readClean(ID, FILE).get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.id()).isEqualTo("1q2w3e4r5t6y7u");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.318211Z"));
    assertThat(e.cloud().provider()).isEqualTo("GCP");
    assertThat(e.cloud().account()).isEqualTo("shop-prod-482910");
    assertThat(e.cloud().region()).isNull();
    assertThat(e.src().ip()).isEqualTo("203.0.113.210");
    assertThat(e.dst().ip()).isEqualTo("10.128.0.14");
    assertThat(e.dst().name()).isEqualTo("shop.example.com");
    assertThat(e.api().operation()).isEqualTo("GET https://shop.example.com/product/1842?ref=home");
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.bytesIn()).isEqualTo(412L);
    assertThat(h.bytesOut()).isEqualTo(2841L);
    assertThat(h.action()).isNull();
  }

  @Test
  void normalize_cloudArmorDenial_isABlockByThePolicy() {
    NormalizedEvent e = readClean(ID, FILE).get(2);
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.action()).isEqualTo("block");
    assertThat(h.rule()).isEqualTo("shop-armor");
    assertThat(e.api().errorCode()).isEqualTo("denied_by_security_policy");
  }

  @Test
  void rules_exploitsInRequestUrls_fire() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    assertThat(matchingRuleNames(events.get(0))).isEmpty();
    assertThat(matchingRuleNames(events.get(1))).containsExactly("kumo_web_ssrf_cloud_metadata_in_request");
    assertThat(matchingRuleNames(events.get(2))).containsExactly("kumo_web_sql_injection_in_request");
  }

  @Test
  void read_pantherRecords_withLowerCaseKeysToo() throws IOException {
    List<NormalizedEvent> events = readClean(ID, "panther.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_GCP.HTTPLoadBalancer.jsonl.gz"));
    assertThat(events).hasSize(6);
    NormalizedEvent lower = events.get(0);
    assertThat(lower.raw().has("httprequest")).isTrue();
    assertThat(lower.src().ip()).isEqualTo("1.2.3.4");
    assertThat(lower.cloud().account()).isEqualTo("gcp-project1");
    assertThat(lower.time()).isEqualTo(Instant.parse("2023-03-09T23:19:25.712Z"));
    assertThat(((HttpRequest) lower.details()).status()).isEqualTo(403);
    assertThat(((HttpRequest) events.get(2).details()).action()).isEqualTo("block");
    assertThat(events.get(5).time()).isEqualTo(Instant.parse("2025-12-16T10:55:00Z"));
  }

  @Test
  void rules_matchPantherLowerCaseKeysIgnoringCase() {
    String line = "{\"httprequest\":{\"requestMethod\":\"GET\",\"requestUrl\":\"https://a.example.com/x?u="
        + "http://169.254.169.254/latest/meta-data/\",\"status\":200,\"remoteIp\":\"203.0.113.5\"},"
        + "\"jsonpayload\":{\"at_sign_type\":\"type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry\"},"
        + "\"p_log_type\":\"GCP.HTTPLoadBalancer\",\"timestamp\":\"2023-03-09 23:19:25.712\"}\n";
    NormalizedEvent e = readClean(ID, "lower.jsonl", dev.kumo.ingest.netlogs.NetSamples.utf8(line)).get(0);
    assertThat(matchingRuleNames(e)).containsExactly("kumo_web_ssrf_cloud_metadata_in_request");
  }

  @Test
  void host_ofAbsoluteUrls() {
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("https://shop.example.com:8443/a?b")).isEqualTo("shop.example.com");
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("http://[2001:db8::1]:8080/x")).isEqualTo("2001:db8::1");
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("http://6.7.8.9/")).isEqualTo("6.7.8.9");
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("/relative/path")).isNull();
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("http://")).isNull();
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("http://[broken/x")).isNull();
    assertThat(dev.kumo.ingest.netlogs.Values.urlHost("https://user:secret@shop.example.com:8443/")).isEqualTo("shop.example.com");
  }

  @Test
  void recognizes_neverClaimsAuditLogEntries() throws IOException {
    GcpHttpLbSource s = new GcpHttpLbSource();
    List<String> lines = Files.readAllLines(SharedData.require("data/plaso-cloud-test-data/gcp_logging.jsonl"));
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(s.recognizes((JsonObject) JsonTreeReader.lenient().read(line))).as(line).isFalse();
    }
    for (SourceTesting.PantherCase c : SourceTesting.pantherCases("tests_GCP.AuditLog.jsonl.gz")) {
      assertThat(s.recognizes(c.log())).as(c.testName()).isFalse();
    }
    JsonObject auditWithRequest = JsonObject.of("protoPayload", JsonObject.of("@type", "AuditLog"),
        "httpRequest", JsonObject.of("status", 200L), "resource", JsonObject.of("type", "http_load_balancer"));
    assertThat(s.recognizes(auditWithRequest)).isFalse();
    JsonObject cloudRun = JsonObject.of("httpRequest", JsonObject.of("status", 200L),
        "resource", JsonObject.of("type", "cloud_run_revision"));
    assertThat(s.recognizes(cloudRun)).isFalse();
  }
}
