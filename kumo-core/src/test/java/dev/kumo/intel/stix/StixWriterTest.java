package dev.kumo.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.Sighting;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StixWriterTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Map<IndicatorType, String> SAMPLES = new EnumMap<>(Map.of(
      IndicatorType.IP, "10.0.0.0/8",
      IndicatorType.DOMAIN, "evil.example",
      IndicatorType.URL, "http://evil.example/a?q='x'",
      IndicatorType.FILE_HASH, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      IndicatorType.EMAIL, "bad@evil.example",
      IndicatorType.USER_AGENT, "it's \"Pacu\" \\ 1.0",
      IndicatorType.ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE",
      IndicatorType.ACCOUNT, "123456789012",
      IndicatorType.ARN, "arn:aws:iam::123456789012:role/evil",
      IndicatorType.WALLET, "0x52908400098527886E0F7030069857D2E4169EE7"));

  private static String write(List<Indicator> indicators) throws IOException {
    StringWriter out = new StringWriter();
    StixWriter.writeIndicators(indicators, out, NOW);
    return out.toString();
  }

  @Test
  void writeIndicators_everyType_roundTripsThroughReader() throws IOException {
    assertThat(SAMPLES).hasSize(IndicatorType.values().length);
    List<Indicator> in = new ArrayList<>();
    for (Map.Entry<IndicatorType, String> e : SAMPLES.entrySet()) {
      in.add(new Indicator(e.getKey(), e.getValue(), "feed", null, 70, Instant.parse("2024-01-01T00:00:00.123456Z"),
          Instant.parse("2026-01-01T00:00:00Z"), List.of("tlp:green"), List.of("mitre-attack:exfiltration"),
          List.of("threat-actor: APT1"), "why it's bad"));
    }
    IntelLoad load = StixBundleReaderTest.read(write(in));
    assertThat(load.problems()).isEmpty();
    List<Indicator> back = load.indicators().stream()
        .map(i -> new Indicator(i.type(), i.value(), i.feed(), null, i.confidence(), i.validFrom(), i.validUntil(),
            i.labels(), i.killChain(), i.context(), i.description()))
        .toList();
    assertThat(back).containsExactlyInAnyOrderElementsOf(in);
    assertThat(load.indicators()).allSatisfy(i -> assertThat(i.id()).startsWith("indicator--"));
  }

  @Test
  void writeIndicators_sameInputInAnyOrder_givesSameBytes() throws IOException {
    Indicator a = Indicator.of(IndicatorType.DOMAIN, "a.example", "f");
    Indicator b = Indicator.of(IndicatorType.IP, "192.0.2.1", "f");
    String one = write(List.of(a, b));
    assertThat(write(List.of(b, a))).isEqualTo(one);
    assertThat(one).contains("\"created\" : \"2025-03-01T10:00:00.000Z\"");
  }

  @Test
  void writeIndicators_derivedId_isStableUuidV5() throws IOException {
    Indicator a = Indicator.of(IndicatorType.DOMAIN, "a.example", "f");
    String id = StixWriter.idOf(a);
    assertThat(id).matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(StixWriter.idOf(Indicator.of(IndicatorType.DOMAIN, "a.example", "f"))).isEqualTo(id);
    assertThat(StixWriter.idOf(Indicator.of(IndicatorType.DOMAIN, "a.example", "g"))).isNotEqualTo(id);
  }

  @Test
  void writeIndicators_valuesSharingAnId_becomeOneOrPattern() throws IOException {
    Indicator a = new Indicator(IndicatorType.IP, "192.0.2.1", "f", "indicator--x", null, null, null, List.of(),
        List.of(), List.of(), null);
    Indicator b = new Indicator(IndicatorType.DOMAIN, "b.example", "f", "indicator--x", null, null, null, List.of(),
        List.of(), List.of(), null);
    String json = write(List.of(a, b));
    JsonArray objects = (JsonArray) ((JsonObject) JsonTreeReader.lenient().read(json)).get("objects");
    assertThat(objects).hasSize(1);
    assertThat(((JsonObject) objects.get(0)).getString("pattern"))
        .isEqualTo("[domain-name:value = 'b.example'] OR [ipv4-addr:value = '192.0.2.1']");
    assertThat(StixBundleReaderTest.read(json).indicators()).extracting(Indicator::type, Indicator::value, Indicator::id)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(IndicatorType.IP, "192.0.2.1", "indicator--x"),
            org.assertj.core.groups.Tuple.tuple(IndicatorType.DOMAIN, "b.example", "indicator--x"));
  }

  @Test
  void writeSightings_selfContainedBundleWithIdentityIndicatorAndSighting() throws IOException {
    Indicator ind = Indicator.of(IndicatorType.ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE", "f");
    Sighting s = new Sighting(ind, 3, Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-02-02T00:00:00Z"),
        "kumo", "123456789012");
    StringWriter out = new StringWriter();
    StixWriter.writeSightings(List.of(s), out, NOW);
    JsonArray objects = (JsonArray) ((JsonObject) JsonTreeReader.lenient().read(out.toString())).get("objects");
    assertThat(objects).extracting(o -> ((JsonObject) o).getString("type"))
        .containsExactly("identity", "indicator", "sighting");
    JsonObject identity = (JsonObject) objects.get(0);
    JsonObject sighting = (JsonObject) objects.get(2);
    assertThat(identity.getString("name")).isEqualTo("kumo");
    assertThat(sighting.getString("sighting_of_ref")).isEqualTo(StixWriter.idOf(ind));
    assertThat(sighting.get("count")).isEqualTo(3L);
    assertThat(sighting.getString("first_seen")).isEqualTo("2025-02-01T00:00:00Z");
    assertThat(sighting.getString("last_seen")).isEqualTo("2025-02-02T00:00:00Z");
    assertThat(sighting.get("where_sighted_refs")).isEqualTo(JsonArray.of(identity.getString("id")));
    assertThat(sighting.getString("x_kumo_where")).isEqualTo("123456789012");
    IntelLoad back = StixBundleReaderTest.read(out.toString());
    assertThat(back.problems()).isEmpty();
    assertThat(back.indicators()).extracting(Indicator::value).containsExactly("AKIAIOSFODNN7EXAMPLE");
  }
}
