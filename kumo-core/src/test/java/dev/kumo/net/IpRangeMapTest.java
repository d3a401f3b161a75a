package dev.kumo.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IpRangeMapTest {

  private static IpRangeMap<String> map(String... cidrAndValue) {
    List<IpNetwork> nets = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < cidrAndValue.length; i += 2) {
      nets.add(IpNetwork.parse(cidrAndValue[i]));
      values.add(cidrAndValue[i + 1]);
    }
    return IpRangeMap.build(nets, values);
  }

  @Test
  void get_nestedNetworks_longestPrefixWins() {
    IpRangeMap<String> m = map("10.0.0.0/8", "outer", "10.1.0.0/16", "middle", "10.1.2.0/24", "inner");

    assertThat(m.get("10.0.0.1")).isEqualTo("outer");
    assertThat(m.get("10.1.0.0")).isEqualTo("middle");
    assertThat(m.get("10.1.2.255")).isEqualTo("inner");
    assertThat(m.get("10.1.3.0")).isEqualTo("middle");
    assertThat(m.get("10.255.255.255")).isEqualTo("outer");
    assertThat(m.get("11.0.0.0")).isNull();
    assertThat(m.get("9.255.255.255")).isNull();
  }

  @Test
  void get_innerNetworkAtStartOrEndOfOuter_outerCoversTheRest() {
    IpRangeMap<String> m = map("192.168.0.0/16", "outer", "192.168.0.0/24", "first", "192.168.255.0/24", "last");

    assertThat(m.get("192.168.0.7")).isEqualTo("first");
    assertThat(m.get("192.168.1.0")).isEqualTo("outer");
    assertThat(m.get("192.168.254.255")).isEqualTo("outer");
    assertThat(m.get("192.168.255.255")).isEqualTo("last");
    assertThat(m.intervals()).isEqualTo(3);
  }

  @Test
  void get_wholeAddressSpace_matchesExtremes() {
    IpRangeMap<String> m = map("0.0.0.0/0", "any4", "::/0", "any6", "255.255.255.255/32", "top");

    assertThat(m.get("0.0.0.0")).isEqualTo("any4");
    assertThat(m.get("255.255.255.254")).isEqualTo("any4");
    assertThat(m.get("255.255.255.255")).isEqualTo("top");
    assertThat(m.get("::")).isEqualTo("any6");
    assertThat(m.get("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEqualTo("any6");
  }

  @Test
  void get_ipv6Networks_matchAcrossThe64BitBoundary() {
    IpRangeMap<String> m = map("2600:1f00::/24", "aws", "2600:1f14:abcd::/48", "vpc", "2001:db8::1/128", "host",
        "fd00:ec2::254/127", "imds");

    assertThat(m.get("2600:1f14:abcd:1::5")).isEqualTo("vpc");
    assertThat(m.get("2600:1f14:abce::1")).isEqualTo("aws");
    assertThat(m.get("2600:1e00::1")).isNull();
    assertThat(m.get("2001:db8::1")).isEqualTo("host");
    assertThat(m.get("2001:db8::2")).isNull();
    assertThat(m.get("fd00:ec2::255")).isEqualTo("imds");
    assertThat(m.get("fd00:ec2::256")).isNull();
  }

  @Test
  void get_familiesAreSeparate() {
    IpRangeMap<String> m = map("10.0.0.0/8", "v4");

    assertThat(m.get("::a00:1")).isNull();
    assertThat(m.get("not-an-ip")).isNull();
    assertThat(m.get((String) null)).isNull();
  }

  @Test
  void get_sameNetworkTwice_laterValueWins() {
    assertThat(map("10.0.0.0/8", "first", "10.0.0.0/8", "second").get("10.2.3.4")).isEqualTo("second");
  }

  @Test
  void build_mismatchedLists_isRejected() {
    assertThatThrownBy(() -> IpRangeMap.build(List.of(IpNetwork.parse("10.0.0.0/8")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void get_randomNetworks_agreesWithLinearLongestPrefixSearch() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<IpNetwork> nets = new ArrayList<>();
      List<Integer> values = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        boolean v6 = random.nextBoolean();
        byte[] a = new byte[v6 ? 16 : 4];
        random.nextBytes(a);
        a[0] = (byte) (random.nextInt(3)); // crowd the networks so that they nest
        int prefix = 1 + random.nextInt(v6 ? 128 : 32);
        nets.add(IpNetwork.parse(IpAddress.format(a) + "/" + prefix));
        values.add(i);
      }
      IpRangeMap<Integer> m = IpRangeMap.build(nets, values);
      for (int probe = 0; probe < 2000; probe++) {
        IpNetwork base = nets.get(random.nextInt(nets.size()));
        byte[] ip = base.address();
        for (int b = random.nextInt(ip.length); b < ip.length; b++) {
          ip[b] = (byte) random.nextInt(256);
        }
        assertThat(m.get(ip)).as("%s in round %d", IpAddress.format(ip), round).isEqualTo(linear(nets, values, ip));
      }
    }
  }

  @Test
  void serialization_roundTrip_keepsLookups() throws Exception {
    IpRangeMap<String> m = map("10.0.0.0/8", "a", "2600::/16", "b");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(m);
    }
    @SuppressWarnings("unchecked")
    IpRangeMap<String> copy = (IpRangeMap<String>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
        .readObject();

    assertThat(copy.get("10.9.9.9")).isEqualTo("a");
    assertThat(copy.get("2600::1")).isEqualTo("b");
  }

  private static Integer linear(List<IpNetwork> nets, List<Integer> values, byte[] ip) {
    Integer best = null;
    int bestPrefix = -1;
    for (int i = 0; i < nets.size(); i++) {
      IpNetwork n = nets.get(i);
      if (n.contains(ip) && n.prefix() >= bestPrefix) {
        best = values.get(i);
        bestPrefix = n.prefix();
      }
    }
    return best;
  }
}
