package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void arnPart_regionAndAccount() {
    String arn = "arn:aws:elasticloadbalancing:us-east-2:123456789123:targetgroup/dev-abc/13ff1ec1f13456f1";
    assertThat(Values.arnPart(arn, 3)).isEqualTo("us-east-2");
    assertThat(Values.arnPart(arn, 4)).isEqualTo("123456789123");
    assertThat(Values.arnPart("arn:aws:elasticloadbalancing:us-east-2:123456789123", 4)).isEqualTo("123456789123");
    assertThat(Values.arnPart("arn:aws:s3:::bucket", 3)).isNull();
    assertThat(Values.arnPart("not-an-arn", 3)).isNull();
    assertThat(Values.arnPart("arn:aws", 4)).isNull();
  }

  @Test
  void numbersAndPorts() {
    assertThat(Values.toLong("443")).isEqualTo(443L);
    assertThat(Values.toLong(new BigDecimal("12"))).isEqualTo(12L);
    assertThat(Values.toLong(new BigDecimal("1.5"))).isNull();
    assertThat(Values.toLong("1e3")).isNull();
    assertThat(Values.port("65535")).isEqualTo(65535);
    assertThat(Values.port(65536L)).isNull();
    assertThat(Values.port(-1L)).isNull();
    assertThat(Values.port("")).isNull();
  }

  @Test
  void text_skipsDashesAndEmptyValues() {
    dev.kumo.json.JsonObject o = dev.kumo.json.JsonObject.of("a", "-", "b", "", "c", "x", "d", 5L);
    assertThat(Values.text(o, "a")).isNull();
    assertThat(Values.text(o, "b")).isNull();
    assertThat(Values.text(o, "c")).isEqualTo("x");
    assertThat(Values.text(o, "d")).isNull();
    assertThat(Values.text(null, "c")).isNull();
    assertThat(Values.withoutTrailingDot("example.com.")).isEqualTo("example.com");
    assertThat(Values.withoutTrailingDot(".")).isEqualTo(".");
  }
}
