package dev.kumo.posture.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportJsonTest {
  private static JsonObject json(String text) {
    return (JsonObject) ExportJson.READER.read(text);
  }

  @Test
  void withoutPath_convertsTheValueItself() {
    assertThat(ExportJson.bool("TRUE")).isTrue();
    assertThat(ExportJson.number("42")).isEqualTo(42L);
    assertThat(ExportJson.string(7L)).isEqualTo("7");
    assertThat(ExportJson.number("")).isNull();
  }

  @Test
  void path_matchesKeysIgnoringCase_andNullIsAbsent() {
    JsonObject o = json("{\"Outer\": {\"flag\": true, \"gone\": null}}");
    assertThat(ExportJson.bool(o, "outer", "FLAG")).isTrue();
    assertThat(ExportJson.at(o, "outer", "gone")).isNull();
  }

  @Test
  void time_readsIsoTextAndEpochSeconds() {
    assertThat(ExportJson.time("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(ExportJson.time(1_700_000_000L)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(ExportJson.time("soon")).isNull();
  }

  @Test
  void typed_refusesAnotherTypeNamingTheField() {
    JsonObject o = json("{\"n\": \"5\", \"x\": null}");
    assertThat(ExportJson.typed(o, "x", Long.class, "an integer")).isNull();
    assertThat(ExportJson.typed(o, "missing", Long.class, "an integer")).isNull();
    assertThatThrownBy(() -> ExportJson.typed(o, "n", Long.class, "an integer"))
        .hasMessage("n is not an integer");
  }
}
