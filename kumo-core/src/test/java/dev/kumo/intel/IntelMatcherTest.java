package dev.kumo.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.NetEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelMatcherTest {
  private static final Instant T = Instant.parse("2026-03-10T10:00:00Z");

  private static IntelStore store(Indicator... indicators) {
    return IntelStore.builder().addAll(List.of(indicators)).build();
  }

  private static Indicator ind(IndicatorType type, String value) {
    return Indicator.of(type, Indicators.canonical(type, value), "feed");
  }

  private static List<String> hits(IntelStore s, NormalizedEvent e) {
    return IntelMatcher.hits(s, e).stream().map(h -> h.type().id() + " " + h.observed()).toList();
  }

  @Test
  void hits_flowToListedAddress_matchesTheDestination() {
    NormalizedEvent e = NetEvents.flow("10.0.1.5", "107.191.47.239", 3333).time(T).id("f").build();

    assertThat(hits(store(ind(IndicatorType.IP, "107.191.47.0/24")), e)).containsExactly("ip 107.191.47.239");
  }

  @Test
  void hits_dnsQuestionAndAnswer_bothMatch() {
    NormalizedEvent e = NetEvents.dns("10.0.1.5", null, "xmr.pool.minexmr.com", T, "q");

    assertThat(hits(store(ind(IndicatorType.DOMAIN, "minexmr.com"), ind(IndicatorType.IP, "198.51.100.80")), e))
        .containsExactly("ip 198.51.100.80", "domain xmr.pool.minexmr.com");
  }

  @Test
  void hits_httpRequest_matchesUrlHostAndUserAgent() {
    NormalizedEvent e = NetEvents.http("203.0.113.9", "10.0.2.7", "GET", "http://Evil.Example:8080/x?a=1",
        "masscan/1.3", 200, T, "h");

    assertThat(hits(store(ind(IndicatorType.URL, "http://evil.example:8080/x?a=1"),
        ind(IndicatorType.DOMAIN, "evil.example"), ind(IndicatorType.USER_AGENT, "masscan/1.3")), e))
        .containsExactly("domain evil.example", "url http://Evil.Example:8080/x?a=1", "user-agent masscan/1.3");
  }

  @Test
  void hits_apiCall_matchesKeyPrincipalAndTheAccountInItsArn() {
    NormalizedEvent e = CloudTrailEvents.event().call("s3.amazonaws.com", "ListBuckets")
        .identity(CloudTrailEvents.role("deploy", "s1", "ASIAEXAMPLE000000001")).build();
    String principal = e.actor().principal();
    String account = IntelMatcher.arnAccount(principal);

    assertThat(hits(store(ind(IndicatorType.ACCESS_KEY, "ASIAEXAMPLE000000001"), ind(IndicatorType.ARN, principal),
        ind(IndicatorType.ACCOUNT, account)), e)).containsExactlyInAnyOrder("access-key ASIAEXAMPLE000000001",
            "arn " + principal, "account " + account);
  }

  @Test
  void hits_walletInAUserAgent_matchesTheWord() {
    String wallet = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
    NormalizedEvent e = NetEvents.http("203.0.113.9", "10.0.2.7", "GET", "/", "xmrig/6.0 (" + wallet + ")", 200, T,
        "h");

    assertThat(hits(store(ind(IndicatorType.WALLET, wallet)), e)).containsExactly("wallet " + wallet);
  }

  @Test
  void hits_emptyStoreOrNoMatch_returnsNothing() {
    NormalizedEvent e = NetEvents.dns("10.0.1.5", null, "www.example.com", T, "q");
    assertThat(IntelMatcher.hits(IntelStore.empty(), e)).isEmpty();
    assertThat(IntelMatcher.hits(store(ind(IndicatorType.DOMAIN, "evil.example")), e)).isEmpty();
  }
}
