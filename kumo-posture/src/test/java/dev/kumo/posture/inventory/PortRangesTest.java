package dev.kumo.posture.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortRangesTest {
  @Test
  void parse_singlePortAndRange() {
    assertThat(PortRanges.parse(" 22 ")).containsExactly(22, 22);
    assertThat(PortRanges.parse("1000 - 2000")).containsExactly(1000, 2000);
  }

  @Test
  void parse_outOfOrderOrOutOfRangeOrText_isNull() {
    assertThat(PortRanges.parse("2000-1000")).isNull();
    assertThat(PortRanges.parse("70000")).isNull();
    assertThat(PortRanges.parse("*")).isNull();
  }
}
