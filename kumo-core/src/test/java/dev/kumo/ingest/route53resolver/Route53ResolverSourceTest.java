package dev.kumo.ingest.route53resolver;

import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static dev.kumo.ingest.netlogs.NetSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.DnsQuery;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Route53ResolverSourceTest {
  private static final String ID = "aws.route53resolver";
  private static final String OAST_RULE = "kumo_aws_dns_oast_callback_query";

  private static List<NormalizedEvent> panther() throws IOException {
    return readClean(ID, "panther.jsonl", SourceTesting.pantherLogsAsJsonLines("tests_AWS.VPCDns.jsonl.gz"));
  }

  @Test
  void normalize_queryWithAnswers_givesDnsActivity() {
    NormalizedEvent e = readClean(ID, "vpcdnsquerylogs.log").get(1);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.DNS_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:41Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("us-east-1");
    assertThat(e.src().labelWithPort()).isEqualTo("10.0.1.25:48211");
    assertThat(e.dst().name()).isEqualTo("Route 53 Resolver");
    assertThat(e.api().operation()).isEqualTo("A shop-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com");
    assertThat(e.resources()).extracting(ResourceRef::uid).containsExactly("i-0c50d5961bcb2d47b", "vpc-0aa11bb22cc33dd44");
    DnsQuery q = (DnsQuery) e.details();
    assertThat(q.hostname()).isEqualTo("shop-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com");
    assertThat(q.type()).isEqualTo("A");
    assertThat(q.rcode()).isEqualTo("NOERROR");
    assertThat(q.answers()).containsExactly("shop-db-1.c9akciq32.us-east-1.rds.amazonaws.com", "10.0.2.14");
    assertThat(q.transport()).isEqualTo("UDP");
  }

  @Test
  void normalize_firewallBlockAndInboundEndpoint_areShown() {
    List<NormalizedEvent> events = readClean(ID, "vpcdnsquerylogs.log");
    assertThat(events).hasSize(7);
    assertThat(events.get(5).api().errorCode()).isEqualTo("BlockedByDnsFirewall");
    assertThat(((DnsQuery) events.get(4).details()).rcode()).isEqualTo("NXDOMAIN");
    assertThat(events.get(4).api().errorCode()).isNull();
    NormalizedEvent onPrem = events.get(6);
    assertThat(onPrem.dst().name()).isEqualTo("rslvr-in-0a1b2c3d4e5f60718");
    assertThat(onPrem.resources()).extracting(ResourceRef::type).containsExactly("AWS::EC2::VPC");
  }

  @Test
  void rules_exploitCallbackLookup_firesAndOrdinaryLookupsDoNot() {
    assertThat(readClean(ID, "vpcdnsquerylogs.log")).allSatisfy(e -> assertThat(matchingRuleNames(e)).doesNotContain(OAST_RULE));
    String callback = "{\"version\":\"1.100000\",\"account_id\":\"111122223333\",\"region\":\"us-east-1\","
        + "\"vpc_id\":\"vpc-0aa11bb22cc33dd44\",\"query_timestamp\":\"2026-03-14T09:20:00Z\","
        + "\"query_name\":\"c8k2m1q7s0t.oast.fun.\",\"query_type\":\"A\",\"query_class\":\"IN\","
        + "\"rcode\":\"NOERROR\",\"answers\":[],\"srcaddr\":\"10.0.1.25\",\"srcport\":\"40112\","
        + "\"transport\":\"UDP\",\"srcids\":{\"instance\":\"i-0c50d5961bcb2d47b\"}}\n";
    assertThat(readClean(ID, "callback.log", utf8(callback))).singleElement()
        .satisfies(e -> assertThat(matchingRuleNames(e)).contains(OAST_RULE));
  }

  @Test
  void read_pantherVpcDnsRecords_areRead() throws IOException {
    // their mining-pool lookups are found by kumo_intel_mining_pool (NetworkSourcesTest)
    List<NormalizedEvent> events = panther();
    assertThat(events).hasSize(10);
    assertThat(events).extracting(e -> ((DnsQuery) e.details()).hostname()).contains("abc.abc.moneropool.ru");
    NormalizedEvent first = events.get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2022-06-25T00:27:53Z"));
    assertThat(((DnsQuery) first.details()).answers()).containsExactly("1.2.3.4");
  }

  @Test
  void read_pantherOcsfDnsActivity_keepsItsLayout() throws IOException {
    NormalizedEvent ocsf = panther().get(9);
    assertThat(ocsf.raw().has("query")).isTrue();
    DnsQuery q = (DnsQuery) ocsf.details();
    assertThat(q.hostname()).isEqualTo("moneropool.ru");
    assertThat(q.type()).isEqualTo("AAAA");
    assertThat(q.answers()).containsExactly("1.2.3.4");
    assertThat(ocsf.src().labelWithPort()).isEqualTo("5.6.7.8:8888");
    assertThat(ocsf.cloud().region()).isEqualTo("us-west-2");
  }

  @Test
  void read_recordWithoutQueryName_isReported() {
    String text = "{\"query_name\":\"example.com.\",\"query_type\":\"A\",\"srcaddr\":\"10.0.0.1\"}\n"
        + "{\"query_name\":\"\",\"query_type\":\"A\",\"srcaddr\":\"10.0.0.1\"}\n";
    SourceTesting.Read read = SourceTesting.read("q.jsonl", utf8(text));
    assertThat(read.events()).hasSize(1);
    assertThat(read.problems()).extracting(IngestProblem::kind).containsExactly(ProblemKind.MALFORMED_RECORD);
  }
}
