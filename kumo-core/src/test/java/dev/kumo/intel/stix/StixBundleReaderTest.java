package dev.kumo.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StixBundleReaderTest {

  static IntelLoad read(String json) {
    return StixBundleReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", "feed");
  }

  private static String indicator(String id, String pattern, String extra) {
    return """
        {"type": "indicator", "spec_version": "2.1", "id": "%s", "pattern": "%s", "pattern_type": "stix",
         "valid_from": "2024-01-01T00:00:00Z"%s}""".formatted(id, pattern, extra);
  }

  private static String bundle(String... objects) {
    return "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [" + String.join(",", objects) + "]}";
  }

  @Test
  void read_fields_mapValidityConfidenceLabelsKillChainDescription() {
    IntelLoad load = read(bundle(indicator("indicator--a", "[ipv4-addr:value = '198.51.100.7']", """
        , "valid_until": "2024-06-01T12:00:00.5+02:00", "confidence": 85, "labels": ["tlp:amber"],
        "indicator_types": ["malicious-activity"], "name": "C2", "description": "seen in campaign",
        "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "command-and-control"}]""")));
    assertThat(load.problems()).isEmpty();
    Indicator i = load.indicators().get(0);
    assertThat(i).isEqualTo(new Indicator(IndicatorType.IP, "198.51.100.7", "feed", "indicator--a", 85,
        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-06-01T10:00:00.5Z"),
        java.util.List.of("tlp:amber", "malicious-activity"), java.util.List.of("mitre-attack:command-and-control"),
        java.util.List.of(), "C2: seen in campaign"));
  }

  @Test
  void read_badConfidenceAndTime_isReportedAndFieldDropped() {
    IntelLoad load = read(bundle(indicator("indicator--a", "[ipv4-addr:value = '198.51.100.7']",
        ", \"confidence\": 140, \"valid_until\": \"tomorrow\"")));
    assertThat(load.indicators()).singleElement().satisfies(i -> {
      assertThat(i.confidence()).isNull();
      assertThat(i.validUntil()).isNull();
    });
    assertThat(load.problems()).extracting(IntelProblem::reason)
        .anySatisfy(r -> assertThat(r).contains("confidence"))
        .anySatisfy(r -> assertThat(r).contains("valid_until"));
  }

  @Test
  void read_revoked_givesIdAndNoIndicator() {
    IntelLoad load = read(bundle(indicator("indicator--r", "[ipv4-addr:value = '198.51.100.7']",
        ", \"revoked\": true")));
    assertThat(load.indicators()).isEmpty();
    assertThat(load.revoked()).containsExactly("indicator--r");
  }

  @Test
  void read_andOverDifferentObjects_emitsEachWithOneLoosenedProblem() {
    IntelLoad load = read(bundle(indicator("indicator--a",
        "[ipv4-addr:value = '198.51.100.7' AND domain-name:value = 'evil.example']", "")));
    assertThat(load.indicators()).extracting(Indicator::type).containsExactly(IndicatorType.IP, IndicatorType.DOMAIN);
    assertThat(load.problems()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo("indicator--a");
      assertThat(p.reason()).contains("matched as separate values");
    });
  }

  @Test
  void read_qualifier_reportedButComparisonUsed() {
    IntelLoad load = read(bundle(indicator("indicator--a", "[ipv4-addr:value = '198.51.100.7'] WITHIN 60 SECONDS", "")));
    assertThat(load.indicators()).hasSize(1);
    assertThat(load.problems()).singleElement().extracting(IntelProblem::reason).asString().contains("WITHIN 60 SECONDS");
  }

  @Test
  void read_noUsablePart_givesOneProblemAndNoIndicator() {
    IntelLoad load = read(bundle(indicator("indicator--a", "[file:name = 'x.exe' OR process:pid = 4]", ""),
        indicator("indicator--b", "[[garbage", ""),
        "{\"type\": \"indicator\", \"id\": \"indicator--c\", \"pattern\": \"rule x {}\", \"pattern_type\": \"yara\"}"));
    assertThat(load.indicators()).isEmpty();
    assertThat(load.problems()).extracting(IntelProblem::where)
        .containsExactly("indicator--a", "indicator--b", "indicator--c");
  }

  @Test
  void read_partlyUsable_reportsTheRest() {
    IntelLoad load = read(bundle(indicator("indicator--a", "[url:value = 'http://x.example/' OR file:name = 'x']", "")));
    assertThat(load.indicators()).hasSize(1);
    assertThat(load.problems()).singleElement().extracting(IntelProblem::reason).asString().contains("file:name");
  }

  @Test
  void read_relationships_addContextAndActorsOneHopFurtherButNotSiblings() {
    IntelLoad load = read(bundle(
        indicator("indicator--a", "[domain-name:value = 'c2.example']", ""),
        "{\"type\": \"malware\", \"id\": \"malware--m\", \"name\": \"Poison Ivy\", \"is_family\": true}",
        "{\"type\": \"campaign\", \"id\": \"campaign--c\", \"name\": \"Op X\"}",
        "{\"type\": \"threat-actor\", \"id\": \"threat-actor--t\", \"name\": \"APT1\"}",
        """
        {"type": "attack-pattern", "id": "attack-pattern--p", "name": "Application Layer Protocol",
         "external_references": [{"source_name": "capec", "external_id": "CAPEC-1"},
                                 {"source_name": "mitre-attack", "external_id": "T1071"}]}""",
        "{\"type\": \"identity\", \"id\": \"identity--i\", \"name\": \"Victim\"}",
        rel("indicator--a", "indicates", "malware--m"),
        rel("indicator--a", "indicates", "campaign--c"),
        rel("campaign--c", "attributed-to", "threat-actor--t"),
        "{\"type\": \"malware\", \"id\": \"malware--sibling\", \"name\": \"Sibling\", \"is_family\": true}",
        rel("campaign--c", "uses", "malware--sibling"),
        rel("indicator--a", "indicates", "attack-pattern--p"),
        rel("indicator--a", "indicates", "identity--i"),
        "{\"type\": \"sighting\", \"id\": \"sighting--s\", \"sighting_of_ref\": \"indicator--a\"}"));
    assertThat(load.problems()).isEmpty();
    assertThat(load.indicators()).singleElement().extracting(Indicator::context).asList().containsExactly(
        "malware: Poison Ivy", "campaign: Op X", "attack-pattern: T1071 Application Layer Protocol",
        "threat-actor: APT1");
  }

  private static String rel(String from, String kind, String to) {
    return "{\"type\": \"relationship\", \"id\": \"relationship--" + from + to + "\", \"relationship_type\": \""
        + kind + "\", \"source_ref\": \"" + from + "\", \"target_ref\": \"" + to + "\"}";
  }

  @Test
  void read_malformedJson_givesPositionKeepsEarlierAndSkipsRest() {
    IntelLoad load = read("{\"type\": \"bundle\", \"objects\": [\n"
        + indicator("indicator--a", "[ipv4-addr:value = '198.51.100.7']", "") + ",\n{\"type\": \"indicator\", oops");
    assertThat(load.indicators()).hasSize(1);
    assertThat(load.problems()).singleElement().satisfies(p -> {
      assertThat(p.where()).startsWith("line ");
      assertThat(p.reason()).contains("malformed JSON").contains("rest of the file is skipped");
    });
  }

  @Test
  void read_envelopeArrayAndSingleObject_areAccepted() {
    String one = indicator("indicator--a", "[ipv4-addr:value = '198.51.100.7']", "");
    assertThat(read("{\"objects\": [" + one + "], \"more\": false}").indicators()).hasSize(1);
    assertThat(read("[" + one + "]").indicators()).hasSize(1);
    assertThat(read(one).indicators()).hasSize(1);
  }

  @Test
  void read_notStix_isReported() {
    assertThat(read("42").problems()).hasSize(1);
    assertThat(read("").problems()).hasSize(1);
    assertThat(read("{\"foo\": 1}").problems()).hasSize(1);
    assertThat(read("[1, {\"no\": \"type\"}]").problems()).hasSize(2);
    assertThat(read("{\"type\": \"bundle\", \"objects\": {\"type\": \"indicator\"}}").problems())
        .singleElement().extracting(IntelProblem::reason).asString().contains("not an array");
  }

  @Test
  void read_nestingBeyondLimit_givesProblemNotException() {
    String deep = "[" + "[".repeat(200) + "]".repeat(200) + "]";
    assertThat(read(deep).problems()).singleElement().extracting(IntelProblem::reason).asString()
        .contains("malformed JSON");
  }
}
