package dev.kumo.posture.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.NetworkRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2RulesTest {
  @Test
  void protocol_numbersAndMinusOne_areNamed() {
    assertThat(Ec2Rules.protocol("-1")).isEqualTo("all");
    assertThat(Ec2Rules.protocol(null)).isEqualTo("all");
    assertThat(Ec2Rules.protocol("6")).isEqualTo("tcp");
    assertThat(Ec2Rules.protocol("17")).isEqualTo("udp");
    assertThat(Ec2Rules.protocol("1")).isEqualTo("icmp");
    assertThat(Ec2Rules.protocol("58")).isEqualTo("icmpv6");
    assertThat(Ec2Rules.protocol(" GRE ")).isEqualTo("gre");
  }

  @Test
  void perSource_writesOneAllowRulePerSource() {
    assertThat(Ec2Rules.perSource("tcp", 22, 22, List.of("0.0.0.0/0", "sg-1"))).containsExactly(
        new NetworkRule(true, "tcp", 22, 22, List.of("0.0.0.0/0"), 0),
        new NetworkRule(true, "tcp", 22, 22, List.of("sg-1"), 0));
  }
}
