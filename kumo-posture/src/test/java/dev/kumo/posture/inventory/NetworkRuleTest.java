package dev.kumo.posture.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRuleTest {
  @Test
  void worldReaches_unorderedAllowFromAnywhere_reachesPort() {
    List<NetworkRule> rules = List.of(new NetworkRule(true, "tcp", 20, 25, List.of("0.0.0.0/0"), 0));
    assertThat(NetworkRule.worldReaches(rules, 22)).isTrue();
    assertThat(NetworkRule.worldReaches(rules, 3389)).isFalse();
  }

  @Test
  void worldReaches_lowerPriorityDenyFirst_blocks() {
    List<NetworkRule> rules = List.of(new NetworkRule(true, "tcp", 22, 22, List.of("Internet"), 200),
        new NetworkRule(false, "all", 0, 65535, List.of("*"), 100));
    assertThat(NetworkRule.worldReaches(rules, 22)).isFalse();
  }

  @Test
  void worldReaches_privateSourceOnly_doesNotReach() {
    List<NetworkRule> rules = List.of(NetworkRule.allowAll(List.of("10.0.0.0/8", "sg-123")));
    assertThat(NetworkRule.worldReaches(rules, 22)).isFalse();
  }
}
