package dev.kumo.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
  @Test
  void v5_rfcExample_matches() {
    // RFC 9562 appendix A.4: UUIDv5 of www.example.com in the DNS namespace
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(Uuids.v5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  }

  @Test
  void sco_idContributingProperties_areCanonicalJsonInKeyOrder() {
    assertThat(StixIds.sco("ipv4-addr", Map.of("value", "198.51.100.3")))
        .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    StringBuilder sb = new StringBuilder();
    StixIds.jcsString(sb, "a\"\\\n\u0001é");
    assertThat(sb).hasToString("\"a\\\"\\\\\\n\\u0001é\"");
  }

  @Test
  void ipv6_rfc5952_compressesTheLongestZeroRun() {
    assertThat(dev.kumo.net.IpAddress.canonical(dev.kumo.net.IpAddress.parse("2001:db8:0:0:1:0:0:1")))
        .isEqualTo("2001:db8::1:0:0:1");
    assertThat(dev.kumo.net.IpAddress.canonical(dev.kumo.net.IpAddress.parse("::1"))).isEqualTo("::1");
    assertThat(dev.kumo.net.IpAddress.canonical(dev.kumo.net.IpAddress.parse("2001:db8::"))).isEqualTo("2001:db8::");
    assertThat(dev.kumo.net.IpAddress.canonical(dev.kumo.net.IpAddress.parse("2001:db8:1:1:1:1:0:1")))
        .isEqualTo("2001:db8:1:1:1:1:0:1");
  }
}
