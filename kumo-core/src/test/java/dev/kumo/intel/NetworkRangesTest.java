package dev.kumo.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;
import dev.kumo.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRangesTest {
  private static final NetworkRanges BUILTIN = NetworkRanges.builtin();

  private static NetworkRanges parse(String text) throws Exception {
    return NetworkRanges.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
  }

  @Test
  void lookup_cloudRangeAlsoOnVpnList_cloudOwnerWins() throws Exception {
    NetworkRanges r = parse("""
        # header
        3.4.16.0/20\taws\tcloud
        3.4.16.0/21\tvpn-or-hosting\tvpn
        5.0.0.0/8\tvpn-or-hosting\tvpn
        """);

    assertThat(r.lookup("3.4.17.9")).isEqualTo(new NetworkOwner("aws", NetworkOwner.Kind.CLOUD));
    assertThat(r.lookup("5.1.2.3")).isEqualTo(new NetworkOwner("vpn-or-hosting", NetworkOwner.Kind.VPN));
    assertThat(r.isCloud("3.4.17.9")).isTrue();
    assertThat(r.isCloud("5.1.2.3")).isFalse();
    assertThat(r.lookup("198.51.100.7")).isNull();
    assertThat(r.lookup("AWS Internal")).isNull();
    assertThat(r.networks()).isEqualTo(3);
  }

  @Test
  void parse_malformedLine_namesFileAndLine() {
    assertThatThrownBy(() -> parse("10.0.0.0/8\taws\tcloud\n10.0.0.0/33\taws\tcloud\n"))
        .hasMessageStartingWith("test.tsv:2: ");
    assertThatThrownBy(() -> parse("10.0.0.0/8 aws cloud\n")).hasMessageContaining("test.tsv:1: expected");
    assertThatThrownBy(() -> parse("10.0.0.0/8\taws\tplanet\n")).hasMessageContaining("unknown kind 'planet'");
  }

  @Test
  void builtin_knownProviderAddresses_resolveToTheirOwner() {
    assertThat(BUILTIN.lookup("3.4.17.9").owner()).isEqualTo("aws");
    assertThat(BUILTIN.lookup("8.34.208.10").owner()).isEqualTo("gcp");
    assertThat(BUILTIN.lookup("4.144.1.1").owner()).isEqualTo("azure");
    assertThat(BUILTIN.lookup("40.233.1.1").owner()).isEqualTo("oci");
    assertThat(BUILTIN.lookup("104.16.0.1").owner()).isEqualTo("cloudflare");
    assertThat(BUILTIN.lookup("192.168.1.1")).isNull();
    assertThat(BUILTIN.networks()).isGreaterThan(50_000);
  }

  /** Every network of every cloud warninglist resolves to its provider (start and end address). */
  @Test
  void builtin_matchesSharedWarninglists() throws Exception {
    Path root = SharedData.require("data/threat-intel-lists/misp-warninglists");
    Map<String, String> providers = Map.of("amazon-aws", "aws", "google-gcp", "gcp", "microsoft-azure", "azure",
        "microsoft-azure-us-gov", "azure", "microsoft-azure-china", "azure", "oracle-oci", "oci");
    for (Map.Entry<String, String> e : providers.entrySet()) {
      List<String> cidrs = cidrs(root.resolve(e.getKey()).resolve("list.json"));
      assertThat(cidrs).as(e.getKey()).isNotEmpty();
      for (String cidr : cidrs) {
        IpNetwork net = IpNetwork.parse(cidr);
        NetworkOwner owner = BUILTIN.lookup(IpAddress.format(net.address()));
        assertThat(owner).as("%s from %s", cidr, e.getKey()).isNotNull();
        assertThat(owner).as(cidr).isEqualTo(new NetworkOwner(e.getValue(), NetworkOwner.Kind.CLOUD));
      }
    }
  }

  private static List<String> cidrs(Path listJson) throws Exception {
    List<String> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(listJson.toFile())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "list".equals(p.currentName())) {
          p.nextToken();
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            out.add(p.getText());
          }
        }
      }
    }
    return out;
  }
}
