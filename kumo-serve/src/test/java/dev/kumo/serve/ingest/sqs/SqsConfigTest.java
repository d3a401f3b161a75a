package dev.kumo.serve.ingest.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqsConfigTest {
  private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/111122223333/kumo-trail";

  @Test
  void of_givesLongPollsOfTwentySeconds_andKeepsMalformedMessagesForTheRedrivePolicy() {
    SqsConfig c = SqsConfig.of(QUEUE, "eu-west-1");
    assertThat(c.waitSeconds()).isEqualTo(20);
    assertThat(c.deleteMalformed()).isFalse();
    assertThat(c.endpoint()).isNull();
    assertThat(c.visibilityTimeout()).isNull();
  }

  @Test
  void outOfRangeSettings_areRefused() {
    assertThatThrownBy(() -> new SqsConfig("", "eu-west-1", null, 20, 1, false, null)).hasMessageContaining("queue URL");
    assertThatThrownBy(() -> new SqsConfig("ftp://x/q", "eu-west-1", null, 20, 1, false, null)).hasMessageContaining("http");
    assertThatThrownBy(() -> new SqsConfig(QUEUE, " ", null, 20, 1, false, null)).hasMessageContaining("region");
    assertThatThrownBy(() -> new SqsConfig(QUEUE, "eu-west-1", null, 21, 1, false, null)).hasMessageContaining("0 to 20");
    assertThatThrownBy(() -> new SqsConfig(QUEUE, "eu-west-1", null, 20, 0, false, null)).hasMessageContaining("size limit");
    assertThatThrownBy(() -> new SqsConfig(QUEUE, "eu-west-1", null, 20, 1, false, Duration.ofHours(13)))
        .hasMessageContaining("visibility");
  }
}
