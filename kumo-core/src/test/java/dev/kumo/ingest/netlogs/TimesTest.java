package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void iso_formsOfTheLogs() {
    assertThat(Times.text("2020-01-11T16:55:20.356586Z")).isEqualTo(Instant.parse("2020-01-11T16:55:20.356586Z"));
    assertThat(Times.text("2022-04-01T08:51:42")).isEqualTo(Instant.parse("2022-04-01T08:51:42Z"));
    assertThat(Times.text("2022-06-25 00:27:53")).isEqualTo(Instant.parse("2022-06-25T00:27:53Z"));
    assertThat(Times.text("2020-06-21 20:41:25.000000000")).isEqualTo(Instant.parse("2020-06-21T20:41:25Z"));
    assertThat(Times.text("2021-10-14T22:17:11+00:00")).isEqualTo(Instant.parse("2021-10-14T22:17:11Z"));
    assertThat(Times.text("2021-10-14T22:17:11-0230")).isEqualTo(Instant.parse("2021-10-15T00:47:11Z"));
    assertThat(Times.text("2026-03-14T09:12:47.0011020Z")).isEqualTo(Instant.parse("2026-03-14T09:12:47.001102Z"));
    assertThat(Times.text("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
  }

  @Test
  void s3_bracketTime() {
    assertThat(Times.text("06/Feb/2019:00:00:38 +0000")).isEqualTo(Instant.parse("2019-02-06T00:00:38Z"));
    assertThat(Times.text("06/Dec/2019:10:00:38 +0130")).isEqualTo(Instant.parse("2019-12-06T08:30:38Z"));
    assertThat(Times.s3("06/Fxb/2019:00:00:38 +0000")).isNull();
    assertThat(Times.s3("06/eba/2019:00:00:38 +0000")).isNull();
  }

  @Test
  void epochNumbers() {
    assertThat(Times.parse(1418530010L)).isEqualTo(Instant.parse("2014-12-14T04:06:50Z"));
    assertThat(Times.parse(1773479564318L)).isEqualTo(Instant.parse("2026-03-14T09:12:44.318Z"));
    assertThat(Times.parse("1418530010")).isEqualTo(Instant.parse("2014-12-14T04:06:50Z"));
    assertThat(Times.parse(new BigDecimal("1418530010.5"))).isEqualTo(Instant.parse("2014-12-14T04:06:50.500Z"));
  }

  @Test
  void invalid_isNull() {
    for (String bad : new String[] {"", "x", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.1234567890Z", "2024-01-01T00:00:00Q",
        "2024-01-01T00:00:00+25:00", "-", "2024-01-01X00:00:00Z"}) {
      assertThat(Times.text(bad)).as(bad).isNull();
    }
    assertThat(Times.parse(null)).isNull();
    assertThat(Times.parse(Boolean.TRUE)).isNull();
    assertThat(Times.epochSeconds(Long.MAX_VALUE)).isNull();
  }
}
