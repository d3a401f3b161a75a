package dev.kumo.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelStoreTest {
  private static final Instant T = Instant.parse("2026-03-10T10:00:00Z");

  private static Indicator ind(IndicatorType type, String value) {
    return Indicator.of(type, Indicators.canonical(type, value), "feed");
  }

  private static List<String> names(List<IntelHit> hits) {
    return hits.stream().map(h -> h.type().id() + " " + h.indicator() + " <- " + h.observed()).toList();
  }

  private static List<String> ip(IntelStore s, String address) {
    List<IntelHit> out = new ArrayList<>();
    s.matchIp(address, T, out::add);
    return names(out);
  }

  private static List<String> domain(IntelStore s, String host) {
    List<IntelHit> out = new ArrayList<>();
    s.matchDomain(host, T, out::add);
    return names(out);
  }

  @Test
  void matchIp_addressInsideSeveralNetworks_hitsEachMostSpecificFirst() {
    IntelStore s = IntelStore.builder().add(ind(IndicatorType.IP, "45.9.148.108"))
        .add(ind(IndicatorType.IP, "45.9.148.0/24")).add(ind(IndicatorType.IP, "45.0.0.0/8"))
        .add(ind(IndicatorType.IP, "2001:db8::/32")).build();

    assertThat(ip(s, "45.9.148.108")).containsExactly("ip 45.9.148.108 <- 45.9.148.108", "ip 45.9.148.0/24 <- 45.9.148.108",
        "ip 45.0.0.0/8 <- 45.9.148.108");
    assertThat(ip(s, "45.9.149.1")).containsExactly("ip 45.0.0.0/8 <- 45.9.149.1");
    assertThat(ip(s, "2001:db8:0:1::5")).containsExactly("ip 2001:db8::/32 <- 2001:db8:0:1::5");
    assertThat(ip(s, "46.1.1.1")).isEmpty();
    assertThat(ip(s, "not-an-ip")).isEmpty();
  }

  @Test
  void matchDomain_domainAndSubdomains_hitButLookAlikesDoNot() {
    IntelStore s = IntelStore.builder().add(ind(IndicatorType.DOMAIN, "pool.minexmr.com")).build();

    assertThat(domain(s, "pool.minexmr.com")).hasSize(1);
    assertThat(domain(s, "XMR.Pool.MineXMR.com.")).singleElement().asString().startsWith("domain pool.minexmr.com");
    assertThat(domain(s, "minexmr.com")).isEmpty();
    assertThat(domain(s, "notpool.minexmr.com")).isEmpty();
    assertThat(domain(s, "pool.minexmr.com.evil.org")).isEmpty();
  }

  @Test
  void matchExact_expiredIndicator_matchesOnlyEventsBeforeItsEnd() {
    Indicator key = new Indicator(IndicatorType.ACCESS_KEY, "AKIAEXAMPLEKEY123456", "feed", "k1", 90, null,
        Instant.parse("2026-03-01T00:00:00Z"), List.of(), List.of(), List.of("threat-actor: TeamTNT"), null);
    IntelStore s = IntelStore.builder().add(key).build();
    List<IntelHit> before = new ArrayList<>();
    List<IntelHit> after = new ArrayList<>();

    s.matchExact(IndicatorType.ACCESS_KEY, "AKIAEXAMPLEKEY123456", Instant.parse("2026-02-01T00:00:00Z"), before::add);
    s.matchExact(IndicatorType.ACCESS_KEY, "AKIAEXAMPLEKEY123456", T, after::add);

    assertThat(before).singleElement().satisfies(h -> {
      assertThat(h.confidence()).isEqualTo(90);
      assertThat(h.context()).containsExactly("threat-actor: TeamTNT");
      assertThat(h.id()).isEqualTo("k1");
    });
    assertThat(after).isEmpty();
    assertThat(s.expiredAt(T)).isEqualTo(1);
  }

  @Test
  void build_warninglistedValues_areLeftOutAndListedAddressesMatchNoNetwork() {
    Warninglist aws = new Warninglist("Amazon AWS", IndicatorType.IP, List.of("3.0.0.0/9"), "aws");
    Warninglist benign = new Warninglist("Top domains", IndicatorType.DOMAIN, List.of("google.com"), "");
    IntelStore s = IntelStore.builder().add(ind(IndicatorType.IP, "3.18.108.36"))
        .add(ind(IndicatorType.IP, "0.0.0.0/0")).add(ind(IndicatorType.DOMAIN, "www.google.com"))
        .add(ind(IndicatorType.DOMAIN, "pool.example")).warninglist(aws).warninglist(benign).build();

    assertThat(s.suppressed()).isEqualTo(2);
    assertThat(s.size()).isEqualTo(2);
    assertThat(ip(s, "3.18.108.36")).isEmpty();
    assertThat(ip(s, "8.8.8.8")).containsExactly("ip 0.0.0.0/0 <- 8.8.8.8");
    assertThat(s.cloudProvider("3.18.108.36")).isEqualTo("aws");
    assertThat(s.cloudProvider("8.8.8.8")).isNull();
  }

  @Test
  void builder_sameValueFromTwoFeeds_keepsBothAndRevokedIdsGo() {
    Indicator a = new Indicator(IndicatorType.DOMAIN, "evil.example", "a", "indicator--1", null, null, null,
        List.of(), List.of(), List.of(), null);
    Indicator b = Indicator.of(IndicatorType.DOMAIN, "evil.example", "b");
    Indicator aAgain = Indicator.of(IndicatorType.DOMAIN, "evil.example", "a");

    assertThat(IntelStore.builder().add(a).add(b).add(aAgain).build().size()).isEqualTo(2);
    assertThat(IntelStore.builder().add(a).add(b).revoke(List.of("indicator--1")).build().indicators())
        .containsExactly(b);
  }

  @Test
  void store_isEmpty_answersNothingCheaply() {
    IntelStore s = IntelStore.empty();
    assertThat(s.isEmpty()).isTrue();
    assertThat(ip(s, "1.2.3.4")).isEmpty();
    assertThat(domain(s, "a.b")).isEmpty();
  }
}
