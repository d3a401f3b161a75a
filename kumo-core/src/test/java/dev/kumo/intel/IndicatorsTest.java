package dev.kumo.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorsTest {
  @Test
  void canonical_addressesAndNetworks_areNormalized() {
    assertThat(Indicators.canonical(IndicatorType.IP, " 45.9.148.108 ")).isEqualTo("45.9.148.108");
    assertThat(Indicators.canonical(IndicatorType.IP, "45.9.148.7/24")).isEqualTo("45.9.148.0/24");
    assertThat(Indicators.canonical(IndicatorType.IP, "10.0.0.1/32")).isEqualTo("10.0.0.1");
    assertThat(Indicators.canonical(IndicatorType.IP, "2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(Indicators.canonical(IndicatorType.IP, "2001:db8::/32")).isEqualTo("2001:db8::/32");
    assertThatThrownBy(() -> Indicators.canonical(IndicatorType.IP, "300.1.1.1")).hasMessageContaining("300.1.1.1");
  }

  @Test
  void canonical_domainsUrlsAndHashes_areLowerCasedWhereCaseDoesNotMatter() {
    assertThat(Indicators.canonical(IndicatorType.DOMAIN, "Pool.MineXMR.com.")).isEqualTo("pool.minexmr.com");
    assertThat(Indicators.canonical(IndicatorType.DOMAIN, "*.evil.example")).isEqualTo("evil.example");
    assertThat(Indicators.canonical(IndicatorType.URL, "HTTP://Evil.Example/Path?Q=1")).isEqualTo(
        "http://evil.example/Path?Q=1");
    assertThat(Indicators.canonical(IndicatorType.FILE_HASH, "D41D8CD98F00B204E9800998ECF8427E"))
        .isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThatThrownBy(() -> Indicators.canonical(IndicatorType.DOMAIN, "not a domain")).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> Indicators.canonical(IndicatorType.FILE_HASH, "abc")).hasMessageContaining("hash");
  }

  @Test
  void detect_bareValues_getTheirType() {
    assertThat(Indicators.detect("107.191.47.239")).isEqualTo(IndicatorType.IP);
    assertThat(Indicators.detect("10.0.0.0/8")).isEqualTo(IndicatorType.IP);
    assertThat(Indicators.detect("pool.minexmr.com")).isEqualTo(IndicatorType.DOMAIN);
    assertThat(Indicators.detect("http://evil.example/x")).isEqualTo(IndicatorType.URL);
    assertThat(Indicators.detect("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo(IndicatorType.FILE_HASH);
    assertThat(Indicators.detect("AKIAIOSFODNN7EXAMPLE")).isEqualTo(IndicatorType.ACCESS_KEY);
    assertThat(Indicators.detect("123456789012")).isEqualTo(IndicatorType.ACCOUNT);
    assertThat(Indicators.detect("arn:aws:iam::123456789012:role/x")).isEqualTo(IndicatorType.ARN);
    assertThat(Indicators.detect("attacker@evil.example")).isEqualTo(IndicatorType.EMAIL);
    assertThat(Indicators.detect("0x52908400098527886E0F7030069857D2E4169EE7")).isEqualTo(IndicatorType.WALLET);
    assertThat(Indicators.detect("just words")).isNull();
  }

  @Test
  void urlHost_authorityForms_giveTheHost() {
    assertThat(Indicators.urlHost("https://user:pw@Evil.Example:8443/a")).isEqualTo("evil.example");
    assertThat(Indicators.urlHost("http://[2001:db8::1]:80/")).isEqualTo("2001:db8::1");
    assertThat(Indicators.urlHost("/just/a/path")).isNull();
  }
}
