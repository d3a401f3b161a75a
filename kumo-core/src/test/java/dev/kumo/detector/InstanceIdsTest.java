package dev.kumo.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdsTest {
  @Test
  void is_shortAndLongIds_areInstanceIds() {
    assertThat(InstanceIds.is("i-0a1b2c3d")).isTrue();
    assertThat(InstanceIds.is("i-0a1b2c3d4e5f60718")).isTrue();
  }

  @Test
  void is_wrongLengthPrefixOrDigits_isNotAnInstanceId() {
    assertThat(InstanceIds.is("i-0a1b2c3")).isFalse();
    assertThat(InstanceIds.is("i-0a1b2c3d4")).isFalse();
    assertThat(InstanceIds.is("j-0a1b2c3d")).isFalse();
    assertThat(InstanceIds.is("i-0a1b2c3g")).isFalse();
    assertThat(InstanceIds.is("")).isFalse();
    assertThat(InstanceIds.is(null)).isFalse();
  }

  @Test
  void isLastSegment_sessionNamedAfterTheInstance_matches() {
    assertThat(InstanceIds.isLastSegment("arn:aws:sts::111122223333:assumed-role/web/i-0a1b2c3d4e5f60718")).isTrue();
    assertThat(InstanceIds.isLastSegment("arn:aws:sts::111122223333:assumed-role/web/alice")).isFalse();
    assertThat(InstanceIds.isLastSegment("arn:aws:sts::111122223333:assumed-role/web/")).isFalse();
  }
}
