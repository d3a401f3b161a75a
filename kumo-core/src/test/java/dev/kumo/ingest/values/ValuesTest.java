package dev.kumo.ingest.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
  @ParameterizedTest
  @CsvSource({
      "2026-03-14T09:00:00Z, 2026-03-14T09:00:00Z",
      "2026-03-14T09:00:00.000Z, 2026-03-14T09:00:00Z",
      "2025-02-25 20:40:06.721, 2025-02-25T20:40:06.721Z",
      "2025-02-25 20:40:06.000000000, 2025-02-25T20:40:06Z",
      "2024-05-24 22:53:24.123456789, 2024-05-24T22:53:24.123456789Z",
      "2026-03-14T09:00:00+02:00, 2026-03-14T07:00:00Z",
      "2026-03-14 09:00:00+02:00, 2026-03-14T07:00:00Z",
      "2026-03-14, 2026-03-14T00:00:00Z",
      "2024-02-29T12:00:00Z, 2024-02-29T12:00:00Z"})
  void time_readsTheFormsExportersWrite(String text, String expected) {
    assertThat(Values.time(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-14T24:00:00Z",
      "2026-03-14T09:00:00Zjunk", "9999999999-01-01T00:00:00Z"})
  void time_rejectsWhatIsNotATime(String text) {
    assertThat(Values.time(text)).isNull();
  }

  @Test
  void time_readsEpochMillisAndSeconds() {
    assertThat(Values.time(1773481297000L)).isEqualTo(Instant.ofEpochMilli(1773481297000L));
    assertThat(Values.time(1773481297L)).isEqualTo(Instant.ofEpochSecond(1773481297L));
    assertThat(Values.time(null)).isNull();
  }

  @Test
  void number_readsNumbersAndNumericTextOnly() {
    assertThat(Values.number("4.1730000000")).isEqualTo(4.173);
    assertThat(Values.number("-7.344")).isEqualTo(-7.344);
    assertThat(Values.number("1.5E-7")).isEqualTo(1.5e-7);
    assertThat(Values.number(8L)).isEqualTo(8.0);
    assertThat(Values.number(new BigDecimal("5.5"))).isEqualTo(5.5);
    assertThat(Values.number("NaN")).isNull();
    assertThat(Values.number("Infinity")).isNull();
    assertThat(Values.number("0x10")).isNull();
    assertThat(Values.number("1e999")).isNull();
    assertThat(Values.number("")).isNull();
    assertThat(Values.number(Boolean.TRUE)).isNull();
  }

  @Test
  void wholeNumber_rejectsSignsFractionsAndOverlongText() {
    assertThat(Values.wholeNumber("443")).isEqualTo(443L);
    assertThat(Values.wholeNumber("-1")).isNull();
    assertThat(Values.wholeNumber("4.0")).isNull();
    assertThat(Values.wholeNumber("9999999999999999999")).isNull();
  }

  @Test
  void textCi_findsKeysInAnyCasingAndDropsEmptyText() {
    JsonObject o = JsonObject.of("AccountId", "111122223333", "Region", "");
    assertThat(Values.textCi(o, "accountId")).isEqualTo("111122223333");
    assertThat(Values.textCi(o, "region")).isNull();
    assertThat(Values.textCi(null, "x")).isNull();
  }

  @Test
  void contentId_isStableAndDiffersWithContent() {
    JsonObject a = JsonObject.of("a", "1");
    assertThat(Values.contentId(a)).startsWith("sha256:").isEqualTo(Values.contentId(JsonObject.of("a", "1")))
        .isNotEqualTo(Values.contentId(JsonObject.of("a", "2")));
  }
}
