package dev.kumo.ingest.elb;

import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static dev.kumo.ingest.netlogs.NetSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElbSourceTest {
  private static final String ID = "aws.elb";

  private static List<NormalizedEvent> plaso() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.require("data/plaso-cloud-test-data/aws_elb_access.log"));
    return readClean(ID, "aws_elb_access.log", bytes);
  }

  @Test
  void read_plasoSample_everyAlbClassicAndNetworkLineWithoutProblems() throws IOException {
    List<NormalizedEvent> events = plaso();
    assertThat(events).hasSize(16);
    assertThat(events.stream().filter(e -> e.ocsfClass() == OcsfClass.HTTP_ACTIVITY)).hasSize(14);
    assertThat(events.stream().filter(e -> e.ocsfClass() == OcsfClass.NETWORK_ACTIVITY)).hasSize(2);
  }

  @Test
  void normalize_plasoAlbLine_givesHttpRequestClientTargetAndAccount() throws IOException {
    NormalizedEvent e = plaso().get(1);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2020-01-11T16:56:05.917294Z"));
    assertThat(e.src().labelWithPort()).isEqualTo("192.168.1.10:5194");
    assertThat(e.src().userAgent()).isEqualTo("Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)");
    assertThat(e.dst().labelWithPort()).isEqualTo("192.168.1.14:32797");
    assertThat(e.dst().name()).isEqualTo("www.domain.name");
    assertThat(plaso().get(10).dst().name()).as("Classic: the request URL's host").isEqualTo("www.example.com");
    assertThat(plaso().get(12).dst().name()).as("no host at all: the load balancer").isEqualTo("my-loadbalancer");
    assertThat(e.cloud().account()).isEqualTo("123456789123");
    assertThat(e.cloud().region()).isEqualTo("us-east-2");
    assertThat(e.api().operation()).isEqualTo("GET https://www.domain.name:443/");
    assertThat(e.api().requestId()).isEqualTo("XXXXXXX");
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.method()).isEqualTo("GET");
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.bytesIn()).isEqualTo(192L);
    assertThat(h.bytesOut()).isEqualTo(44979L);
    assertThat(h.httpVersion()).isEqualTo("HTTP/1.1");
    assertThat(e.field("actions_executed")).isEqualTo("waf,forward");
    assertThat(e.field("target_status_code_list")).isEqualTo("200");
  }

  @Test
  void normalize_plasoClassicTcpLine_hasNoRequestButKeepsTheConnection() throws IOException {
    NormalizedEvent e = plaso().get(12);
    assertThat(e.field("elb")).isEqualTo("my-loadbalancer");
    assertThat(e.raw().has("request_method")).isFalse();
    assertThat(e.raw().has("elb_status_code")).isFalse();
    assertThat(e.api().operation()).isEqualTo("connection");
    assertThat(((HttpRequest) e.details()).bytesIn()).isEqualTo(82L);
    assertThat(e.raw().get("received_bytes")).isEqualTo(82L);
    assertThat(plaso().get(13).raw().get("sent_bytes")).isEqualTo(-1L);
  }

  @Test
  void normalize_plasoNetworkLoadBalancerLine_isNetworkActivityOverTls() throws IOException {
    NormalizedEvent e = plaso().get(14);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.NETWORK_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2022-04-01T08:51:42Z"));
    assertThat(e.src().labelWithPort()).isEqualTo("72.21.218.154:51341");
    assertThat(e.dst().labelWithPort()).isEqualTo("172.100.100.185:443");
    assertThat(e.field("tls_protocol_version")).isEqualTo("tlsv12");
    assertThat(e.field("alpn_client_preference_list")).isEqualTo("h2");
    assertThat(e.cloud().account()).isEqualTo("671290407336");
    NetworkTraffic t = (NetworkTraffic) e.details();
    assertThat(t.protocol()).isEqualTo("tls");
    assertThat(t.bytes()).isEqualTo(344L);
  }

  @Test
  void read_albFileOfEveryFieldVersion_readsMissingAndExtraTrailingFields() {
    List<NormalizedEvent> events = readClean(ID, "alb-shop-prod.log");
    assertThat(events).hasSize(7);
    assertThat(events.get(0).field("conn_trace_id")).isEqualTo("TID_8f3b2a1c4d5e6f708192a3b4c5d6e7f8");
    NormalizedEvent old = events.get(6);
    assertThat(old.raw().has("actions_executed")).isFalse();
    assertThat(old.field("request_creation_time")).isEqualTo("2026-03-14T09:12:50.210991Z");
    assertThat(events.get(5).src().userAgent()).isEqualTo("Mozilla/5.0 \"quoted\" agent");
    assertThat(events.get(5).field("conn_trace_id")).startsWith("TID_");
    NormalizedEvent redirect = events.get(3);
    assertThat(redirect.raw().has("target_ip")).isFalse();
    assertThat(redirect.dst().ip()).isNull();
    assertThat(redirect.field("redirect_url")).isEqualTo("https://shop.example.com:443/etc/passwd");
    assertThat(events.get(2).api().errorCode()).isEqualTo("TargetConnectionError");
    assertThat(events.get(4).field("type")).isEqualTo("wss");
  }

  @Test
  void read_classicFile_backendIsNamedTarget() {
    List<NormalizedEvent> events = readClean(ID, "classic-legacy-web.log");
    assertThat(events).hasSize(4);
    assertThat(events.get(1).field("target_ip")).isEqualTo("10.0.3.15");
    assertThat(events.get(1).field("ssl_protocol")).isEqualTo("TLSv1.2");
    assertThat(((HttpRequest) events.get(3).details()).status()).isEqualTo(504);
    assertThat(events.get(3).raw().has("target_ip")).isFalse();
  }

  @Test
  void rules_exploitsInAlbRequests_fireAndOrdinaryRequestsDoNot() throws IOException {
    List<NormalizedEvent> events = readClean(ID, "alb-shop-prod.log");
    assertThat(matchingRuleNames(events.get(1))).containsExactly("kumo_web_jndi_lookup_in_request");
    assertThat(matchingRuleNames(events.get(2))).containsExactly("kumo_web_ssrf_cloud_metadata_in_request");
    assertThat(matchingRuleNames(events.get(3))).containsExactly("kumo_web_path_traversal_in_request");
    assertThat(matchingRuleNames(events.get(0))).isEmpty();
    for (NormalizedEvent e : plaso()) {
      assertThat(matchingRuleNames(e)).as(e.origin().toString()).isEmpty();
    }
  }

  @Test
  void read_brokenLines_areReportedOneByOne() {
    String good = "https 2026-03-14T09:12:44.318211Z app/shop-prod/50dc6c495c0c9188 198.51.100.23:51822 10.0.1.25:8080 "
        + "0.001 0.014 0.000 200 200 412 3810 \"GET https://shop.example.com:443/ HTTP/1.1\" \"curl/8.4.0\"";
    String text = good + "\n"
        + "https 2026-03-14T09:12:44.318211Z app/shop-prod/50dc6c495c0c9188 198.51.100.23:51822 10.0.1.25:8080 0.001\n"
        + good.replace("\"curl/8.4.0\"", "\"curl/8.4.0") + "\n"
        + "garbage line that is not a log\n"
        + good + "\n";
    SourceTesting.Read read = SourceTesting.read("broken.log", utf8(text));
    assertThat(read.events()).hasSize(2);
    assertThat(read.problems()).extracting(IngestProblem::kind).containsOnly(ProblemKind.MALFORMED_RECORD);
    assertThat(read.problems()).extracting(IngestProblem::line).containsExactly(2L, 3L, 4L);
    assertThat(read.problems().get(0).message()).contains("at least 13 fields");
  }

  @Test
  void read_fileWhoseFirstLineIsDamaged_isStillRecognized() {
    String good = "https 2026-03-14T09:12:44.318211Z app/shop-prod/50dc6c495c0c9188 198.51.100.23:51822 10.0.1.25:8080 "
        + "0.001 0.014 0.000 200 200 412 3810 \"GET https://shop.example.com:443/ HTTP/1.1\" \"curl/8.4.0\"";
    SourceTesting.Read read = SourceTesting.read("damaged.log", utf8(good.substring(40) + "\n" + good + "\n" + good + "\n"));
    assertThat(read.events()).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo(ID));
    assertThat(read.problems()).extracting(IngestProblem::line).containsExactly(1L);
  }

  @Test
  void sniff_otherTextLogs_areNotClaimed() {
    ElbSource s = new ElbSource();
    assertThat(s.sniff(List.of("2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1714557600 1714557660 ACCEPT OK")))
        .isEmpty();
    assertThat(s.sniff(List.of("https this is not a load balancer line at all but has many words in it ok"))).isEmpty();
    assertThat(s.sniff(List.of("2026-03-14T09:12:44.318211Z web-1 app[812]: GET /health 200 0.003 12 ms from lb x \"ok\" \"y\"")))
        .isEmpty();
  }
}
