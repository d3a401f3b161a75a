package dev.kumo.intel.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.Warninglist;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WarninglistReaderTest {
  private static InputStream in(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_cidrList_givesCanonicalIpValuesAndProvider() throws IOException {
    Warninglist wl = WarninglistReader.read(in("""
        {"name": "List of known Amazon AWS IP address ranges", "type": "cidr",
         "list": ["1.178.1.0/24", "2600:1F00::/24", "3.5.140.2"]}
        """), "lists/amazon-aws/list.json");
    assertThat(wl.type()).isEqualTo(IndicatorType.IP);
    assertThat(wl.values()).containsExactly("1.178.1.0/24",
        dev.kumo.intel.Indicators.canonical(IndicatorType.IP, "2600:1f00::/24"), "3.5.140.2");
    assertThat(wl.cloudProvider()).isEqualTo("aws");
    assertThat(wl.name()).isEqualTo("List of known Amazon AWS IP address ranges");
  }

  @Test
  void read_hostnameList_givesDomains() throws IOException {
    Warninglist wl = WarninglistReader.read(in("""
        {"name": "Cloudflare hosts", "type": "hostname", "list": ["Cloudflare.COM.", "*.cdn.example"]}
        """), "x/list.json");
    assertThat(wl.type()).isEqualTo(IndicatorType.DOMAIN);
    assertThat(wl.values()).containsExactly("cloudflare.com", "cdn.example");
    assertThat(wl.cloudProvider()).isEqualTo("cloudflare");
  }

  @Test
  void read_stringListOfDomains_isADomainList() throws IOException {
    Warninglist wl = WarninglistReader.read(in("""
        {"name": "List of known google domains", "type": "string", "list": [".google.ad", "google.com"]}
        """), "google/list.json");
    assertThat(wl.type()).isEqualTo(IndicatorType.DOMAIN);
    assertThat(wl.values()).containsExactly("google.ad", "google.com");
    assertThat(wl.cloudProvider()).isEqualTo("gcp");
  }

  @Test
  void read_regexOrSubstringList_isUnsupported() {
    assertThatThrownBy(() -> WarninglistReader.read(in("""
        {"name": "r", "type": "regex", "list": ["^a.*"]}
        """), "r/list.json")).isInstanceOf(IOException.class)
        .hasMessage("r/list.json: type: warninglist type 'regex' is not supported (only cidr, hostname and string)");
  }

  @Test
  void load_badValue_isAProblemAndTheRestIsKept() throws IOException {
    IntelLoad load = WarninglistReader.load(in("""
        {"name": "OVH", "type": "cidr", "list": ["137.74.180.117", "300.1.1.1", 5]}
        """), "ovh-cluster/list.json");
    assertThat(load.warninglists()).singleElement().satisfies(wl -> {
      assertThat(wl.values()).containsExactly("137.74.180.117");
      assertThat(wl.cloudProvider()).isEqualTo("ovh");
    });
    assertThat(load.problems()).extracting(p -> p.where()).containsExactly("list[2]", "list[1]");
  }

  @Test
  void cloudProvider_fromDirectoryOrName() {
    assertThat(WarninglistReader.cloudProvider("microsoft-azure-us-gov/list.json", "x")).isEqualTo("azure");
    assertThat(WarninglistReader.cloudProvider("google-gcp/list.json", "x")).isEqualTo("gcp");
    assertThat(WarninglistReader.cloudProvider("list.json",
        "List of known Oracle Cloud Infrastructure (OCI) IP address ranges")).isEqualTo("oci");
    assertThat(WarninglistReader.cloudProvider("vpn-ipv4/list.json", "Specialized list of vpn-ipv4 addresses"))
        .isEmpty();
  }
}
