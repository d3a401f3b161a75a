package dev.kumo.ingest.waf;

import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WafSourceTest {
  private static final String ID = "aws.waf";
  private static final String FILE = "aws-waf-logs-api-prod.log";
  private static final String MANAGED_RULE = "kumo_aws_waf_exploit_blocked_by_managed_rules";

  @Test
  void normalize_allowedRequest_givesClientRequestAndAction() {
    NormalizedEvent e = readClean(ID, FILE).get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.id()).isEqualTo("1-65f2c1ac-0a7b3c9d2e4f5a6b7c8d9e0f");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.318Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("us-east-1");
    assertThat(e.src().ip()).isEqualTo("192.0.2.150");
    assertThat(e.src().userAgent()).startsWith("Mozilla/5.0 (X11; Linux x86_64");
    assertThat(e.dst().name()).isEqualTo("api.example.com");
    assertThat(e.api().operation()).isEqualTo("ALLOW GET /api/v1/orders?page=2");
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.url()).isEqualTo("/api/v1/orders?page=2");
    assertThat(h.action()).isEqualTo("allow");
    assertThat(h.rule()).isEqualTo("Default_Action");
    assertThat(h.httpVersion()).isEqualTo("HTTP/1.1");
  }

  @Test
  void normalize_managedRuleBlock_namesTheGroupAndTheRuleInside() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    HttpRequest h = (HttpRequest) events.get(1).details();
    assertThat(h.action()).isEqualTo("block");
    assertThat(h.rule()).isEqualTo("AWS-AWSManagedRulesKnownBadInputsRuleSet/Log4JRCE_HEADER");
    assertThat(((HttpRequest) events.get(2).details()).status()).isEqualTo(429);
  }

  @Test
  void rules_blockedExploitsAndHeaderBorneLookups_fire() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    assertThat(matchingRuleNames(events.get(0))).isEmpty();
    assertThat(matchingRuleNames(events.get(1)))
        .containsExactlyInAnyOrder(MANAGED_RULE, "kumo_web_jndi_lookup_in_request");
    assertThat(matchingRuleNames(events.get(2))).isEmpty();
    assertThat(matchingRuleNames(events.get(3)))
        .containsExactlyInAnyOrder(MANAGED_RULE, "kumo_web_sql_injection_in_request");
  }

  @Test
  void read_pantherWafRecords_areReadAndManagedRuleBlocksFire() throws IOException {
    List<SourceTesting.PantherCase> cases = SourceTesting.pantherCases("tests_AWS.WAFWebACL.jsonl.gz");
    List<NormalizedEvent> events = readClean(ID, "panther.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.WAFWebACL.jsonl.gz"));
    assertThat(events).hasSize(cases.size()).hasSize(50);
    Map<String, Long> firing = events.stream().filter(e -> matchingRuleNames(e).contains(MANAGED_RULE))
        .collect(Collectors.groupingBy(e -> cases.get((int) e.origin().record() - 1).testName(), Collectors.counting()));
    assertThat(firing).containsKeys("Log4Shell blocked via terminatingRuleId", "SQLi blocked via terminatingRuleId",
        "SQLi in query arguments via ruleGroupList", "Java deserialization in ruleGroupList");
    assertThat(firing).doesNotContainKeys("Normal traffic - no alert", "Non-terminating Log4Shell match (COUNT mode)",
        "Blocked reputation IP via terminatingRuleId");
    NormalizedEvent ssrf = events.stream().filter(e -> cases.get((int) e.origin().record() - 1).testName()
        .equals("CloudFront SSRF detection")).findFirst().orElseThrow();
    assertThat(matchingRuleNames(ssrf)).contains("kumo_web_ssrf_cloud_metadata_in_request");
    assertThat(events.get(0).time()).isEqualTo(Instant.parse("2024-03-20T10:30:00Z"));
  }

  @Test
  void recognizes_requiresTheWebAclAndARequestOrRule() {
    WafSource s = new WafSource();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("webaclId", "arn", "terminatingRuleId", "x"))).isTrue();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("webaclId", "arn"))).isFalse();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("httpRequest", dev.kumo.json.JsonObject.EMPTY))).isFalse();
  }
}
