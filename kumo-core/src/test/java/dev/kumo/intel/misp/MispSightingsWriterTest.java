package dev.kumo.intel.misp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Sighting;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispSightingsWriterTest {
  private static JsonArray write(List<Sighting> sightings) throws IOException {
    StringWriter out = new StringWriter();
    MispSightingsWriter.write(sightings, out);
    return (JsonArray) JsonTreeReader.lenient().read(out.toString());
  }

  private static Sighting sighting(Indicator i) {
    return new Sighting(i, 3, Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T10:00:00Z"),
        "cloudtrail", "123456789012");
  }

  @Test
  void write_mispAttributeIndicator_isSightedByUuid() throws IOException {
    Indicator i = new Indicator(IndicatorType.IP, "203.0.113.7", "misp", "a0000000-0000-4000-8000-000000000001",
        null, null, null, List.of(), List.of(), List.of(), null);
    JsonObject o = (JsonObject) write(List.of(sighting(i))).get(0);
    assertThat(o.getString("uuid")).isEqualTo("a0000000-0000-4000-8000-000000000001");
    assertThat(o.has("values")).isFalse();
    assertThat(o.getString("source")).isEqualTo("kumo");
    assertThat(o.getString("type")).isEqualTo("0");
    assertThat(o.getString("timestamp")).isEqualTo(Long.toString(Instant.parse("2024-05-02T10:00:00Z").getEpochSecond()));
  }

  @Test
  void write_indicatorWithoutUuid_isSightedByValue() throws IOException {
    JsonArray a = write(List.of(sighting(Indicator.of(IndicatorType.DOMAIN, "pool.example.com", "crypto_mining"))));
    JsonObject o = (JsonObject) a.get(0);
    assertThat(o.has("uuid")).isFalse();
    assertThat(o.get("values")).isEqualTo(JsonArray.of("pool.example.com"));
  }

  @Test
  void write_noSightings_givesAnEmptyArray() throws IOException {
    assertThat(write(List.of())).isEmpty();
  }
}
