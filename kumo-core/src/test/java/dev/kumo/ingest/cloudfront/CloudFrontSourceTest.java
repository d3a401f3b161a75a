package dev.kumo.ingest.cloudfront;

import static dev.kumo.ingest.netlogs.NetSamples.fixture;
import static dev.kumo.ingest.netlogs.NetSamples.gzip;
import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static dev.kumo.ingest.netlogs.NetSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFrontSourceTest {
  private static final String ID = "aws.cloudfront";
  private static final String FILE = "E2EXAMPLE1ABCD.2026-03-14-09.a1b2c3d4.log";

  @Test
  void read_gzippedStandardLog_skipsHeaderLinesAndReadsEveryRequest() {
    List<NormalizedEvent> events = readClean(ID, FILE + ".gz", gzip(fixture(ID, FILE)));
    assertThat(events).hasSize(5);
    assertThat(events).extracting(e -> e.origin().line()).containsExactly(3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void normalize_request_givesHttpActivityWithDecodedUserAgent() {
    NormalizedEvent e = readClean(ID, FILE).get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44Z"));
    assertThat(e.src().labelWithPort()).isEqualTo("203.0.113.77:49312");
    assertThat(e.src().userAgent()).startsWith("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)");
    assertThat(e.field("cs(User-Agent)")).startsWith("Mozilla/5.0%20(Macintosh;");
    assertThat(e.field("kumo.user_agent")).isEqualTo(e.src().userAgent());
    assertThat(e.field("kumo.url")).isEqualTo("/index.html");
    assertThat(e.dst().name()).isEqualTo("www.example.com");
    assertThat(e.api().operation()).isEqualTo("GET /index.html");
    assertThat(e.api().requestId()).isEqualTo("SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==");
    assertThat(e.resources()).extracting(ResourceRef::uid).containsExactly("d111111abcdef8.cloudfront.net");
    assertThat(e.raw().has("cs-uri-query")).isFalse();
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.bytesOut()).isEqualTo(5211L);
    assertThat(h.bytesIn()).isEqualTo(198L);
    assertThat(h.httpVersion()).isEqualTo("HTTP/2.0");
  }

  @Test
  void normalize_edgeError_isTheErrorCode() {
    NormalizedEvent e = readClean(ID, FILE).get(3);
    assertThat(e.api().errorCode()).isEqualTo("OriginConnectError");
    assertThat(((HttpRequest) e.details()).url()).isEqualTo("/preview?url=http://169.254.169.254/latest/meta-data/");
  }

  @Test
  void read_headerlessStandardLines_useTheStandardFieldList() {
    List<NormalizedEvent> events = readClean(ID, "headerless-standard.log");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).field("x-edge-location")).isEqualTo("IAD89-P2");
  }

  @Test
  void read_customFieldSelection_followsTheFieldsLine() {
    String log = "#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem sc-status x-edge-request-id\n"
        + "2026-03-14\t10:00:00\t192.0.2.1\tGET\t/a\t200\tabc==\n"
        + "#Fields: date time x-edge-location c-ip cs-method cs-uri-stem sc-status\n"
        + "2026-03-14\t10:00:01\tFRA56-C1\t192.0.2.2\tPOST\t/b\t403\n";
    List<NormalizedEvent> events = readClean(ID, "custom.log", utf8(log));
    assertThat(events).extracting(e -> e.api().operation()).containsExactly("GET /a", "POST /b");
    assertThat(events.get(1).field("x-edge-location")).isEqualTo("FRA56-C1");
  }

  @Test
  void read_lineWithTheWrongNumberOfFields_isReported() {
    String log = "#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem sc-status x-edge-request-id\n"
        + "2026-03-14\t10:00:00\t192.0.2.1\tGET\t/a\t200\n"
        + "2026-03-14\t10:00:00\t192.0.2.1\tGET\t/a\t200\tabc==\n";
    SourceTesting.Read read = SourceTesting.read("short.log", utf8(log));
    assertThat(read.events()).hasSize(1);
    assertThat(read.problems()).extracting(IngestProblem::kind).containsExactly(ProblemKind.MALFORMED_RECORD);
    assertThat(read.problems().get(0).message()).contains("6 tab-separated fields").contains("names 7");
  }

  @Test
  void rules_encodedExploitsInCloudFrontRequests_fire() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    assertThat(matchingRuleNames(events.get(2))).containsExactly("kumo_web_jndi_lookup_in_request");
    assertThat(matchingRuleNames(events.get(3))).containsExactly("kumo_web_ssrf_cloud_metadata_in_request");
    assertThat(matchingRuleNames(events.get(0))).isEmpty();
    assertThat(matchingRuleNames(events.get(4))).isEmpty();
  }

  @Test
  void recognizes_standardLoggingV2Json() {
    String json = "{\"timestamp\":\"1773479564\",\"date\":\"2026-03-14\",\"time\":\"09:12:44\","
        + "\"x-edge-location\":\"IAD89-P2\",\"c-ip\":\"203.0.113.77\",\"cs-method\":\"GET\",\"cs-uri-stem\":\"/\","
        + "\"sc-status\":\"200\"}\n";
    NormalizedEvent e = readClean(ID, "v2.json", utf8(json)).get(0);
    assertThat(((HttpRequest) e.details()).status()).isEqualTo(200);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44Z"));
  }
}
