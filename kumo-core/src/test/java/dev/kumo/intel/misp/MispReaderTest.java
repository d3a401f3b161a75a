package dev.kumo.intel.misp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MispReaderTest {
  private static final String EVENT = """
      {"Event": {
        "uuid": "5c1f0b8c-0000-4000-8000-000000000001",
        "info": "TeamTNT cloud campaign",
        "Tag": [{"name": "tlp:amber"}, {"name": "admiralty-scale:information-credibility=\\"2\\""}],
        "Galaxy": [
          {"type": "threat-actor", "GalaxyCluster": [{"type": "threat-actor", "value": "TeamTNT"}]},
          {"type": "mitre-attack-pattern", "GalaxyCluster": [
            {"type": "mitre-attack-pattern", "value": "Application Layer Protocol - T1071"}]},
          {"type": "malpedia", "GalaxyCluster": [{"type": "malpedia", "value": "Kinsing"}]}],
        "Attribute": [
          {"uuid": "a0000000-0000-4000-8000-000000000001", "type": "ip-dst", "value": "203.0.113.7",
           "to_ids": true, "timestamp": "1600000000", "comment": "C2",
           "Tag": [{"name": "estimative-language:likelihood-probability=\\"very-likely\\""}]},
          {"uuid": "a0000000-0000-4000-8000-000000000002", "type": "ip-dst|port", "value": "198.51.100.9|4444",
           "to_ids": true, "first_seen": "2021-03-01T10:00:00.000000+00:00"},
          {"uuid": "a0000000-0000-4000-8000-000000000003", "type": "domain|ip", "value": "Evil.Example.com|192.0.2.1",
           "to_ids": "1"},
          {"uuid": "a0000000-0000-4000-8000-000000000004", "type": "filename|sha256",
           "value": "x.sh|E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "to_ids": true},
          {"uuid": "a0000000-0000-4000-8000-000000000005", "type": "uri", "value": "/index.php", "to_ids": true},
          {"uuid": "a0000000-0000-4000-8000-000000000006", "type": "btc", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "to_ids": true},
          {"uuid": "a0000000-0000-4000-8000-000000000007", "type": "text", "value": "some text", "to_ids": false},
          {"uuid": "a0000000-0000-4000-8000-000000000008", "type": "comment", "value": "a comment", "to_ids": false},
          {"uuid": "a0000000-0000-4000-8000-000000000009", "type": "ip-src", "value": "203.0.113.99", "to_ids": false},
          {"uuid": "a0000000-0000-4000-8000-00000000000a", "type": "ip-src", "value": "203.0.113.98", "to_ids": true, "deleted": true},
          {"uuid": "a0000000-0000-4000-8000-00000000000b", "type": "ip-src", "value": "not-an-ip", "to_ids": true},
          {"uuid": "a0000000-0000-4000-8000-00000000000c", "type": "user-agent", "value": "Go-http-client/1.1", "to_ids": true}
        ],
        "Object": [{"name": "file", "Attribute": [
          {"uuid": "b0000000-0000-4000-8000-000000000001", "type": "md5", "value": "D41D8CD98F00B204E9800998ECF8427E", "to_ids": true},
          {"uuid": "b0000000-0000-4000-8000-000000000002", "type": "filename", "value": "x.sh", "to_ids": false}]},
          {"name": "gone", "deleted": true, "Attribute": [
          {"uuid": "b0000000-0000-4000-8000-000000000003", "type": "md5", "value": "0cc175b9c0f1b6a831c399e269772661", "to_ids": true}]}]
      }}
      """;

  private static IntelLoad read(String json) throws IOException {
    return MispReader.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "event.json", "misp");
  }

  private static Indicator byId(IntelLoad load, String uuidEnd) {
    return load.indicators().stream().filter(i -> i.id() != null && i.id().endsWith(uuidEnd)).findFirst().orElseThrow();
  }

  @Test
  void readEvent_indicatorTypes_areMappedAndCanonical() throws IOException {
    IntelLoad load = read(EVENT);
    assertThat(load.indicators()).extracting(Indicator::type, Indicator::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(IndicatorType.IP, "203.0.113.7"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.IP, "198.51.100.9"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.DOMAIN, "evil.example.com"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.IP, "192.0.2.1"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.FILE_HASH,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.WALLET, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.USER_AGENT, "Go-http-client/1.1"),
        org.assertj.core.groups.Tuple.tuple(IndicatorType.FILE_HASH, "d41d8cd98f00b204e9800998ecf8427e"));
  }

  @Test
  void readEvent_fields_comeFromEventAttributeTagsAndGalaxies() throws IOException {
    Indicator c2 = byId(read(EVENT), "000000000001");
    assertThat(c2.feed()).isEqualTo("misp");
    assertThat(c2.id()).isEqualTo("a0000000-0000-4000-8000-000000000001");
    assertThat(c2.context()).containsExactly("event: TeamTNT cloud campaign", "threat-actor: TeamTNT",
        "attack-pattern: T1071 Application Layer Protocol", "malware: Kinsing");
    assertThat(c2.labels()).containsExactly("tlp:amber", "admiralty-scale:information-credibility=\"2\"",
        "estimative-language:likelihood-probability=\"very-likely\"");
    assertThat(c2.confidence()).isEqualTo(85);
    assertThat(c2.validFrom()).isEqualTo(Instant.ofEpochSecond(1600000000));
    assertThat(c2.validUntil()).isNull();
    assertThat(c2.description()).isEqualTo("C2");
  }

  @Test
  void readEvent_eventTagConfidenceAndFirstSeen_areUsedWhenAttributeLacksThem() throws IOException {
    Indicator i = byId(read(EVENT), "000000000002");
    assertThat(i.confidence()).isEqualTo(70);
    assertThat(i.validFrom()).isEqualTo(Instant.parse("2021-03-01T10:00:00Z"));
  }

  @Test
  void readEvent_skippedAttributes_areSummarisedInOneProblemPerEvent() throws IOException {
    List<IntelProblem> summary = read(EVENT).problems().stream()
        .filter(p -> p.where().equals("event 5c1f0b8c-0000-4000-8000-000000000001")).toList();
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).reason()).isEqualTo("6 attributes not used as indicators: 3 of types comment (1), "
        + "filename (1), text (1) (not indicator types); 1 not marked to_ids; 2 deleted");
  }

  @Test
  void readEvent_deletedAttributes_areRevoked() throws IOException {
    assertThat(read(EVENT).revoked()).containsExactly("a0000000-0000-4000-8000-00000000000a",
        "b0000000-0000-4000-8000-000000000003");
  }

  @Test
  void readEvent_badValuesAndRelativeUri_areProblemsNamingTheAttribute() throws IOException {
    assertThat(read(EVENT).problems()).extracting(IntelProblem::file, IntelProblem::where).contains(
        org.assertj.core.groups.Tuple.tuple("event.json", "attribute a0000000-0000-4000-8000-00000000000b"),
        org.assertj.core.groups.Tuple.tuple("event.json", "attribute a0000000-0000-4000-8000-000000000005"));
    assertThat(read(EVENT).problems()).hasSize(3);
  }

  @Test
  void readEvent_responseWrapper_readsEveryEvent() throws IOException {
    String json = """
        {"response": [
          {"Event": {"uuid": "e1", "info": "one", "Attribute": [{"uuid": "x1", "type": "domain", "value": "a.example", "to_ids": true}]}},
          {"Event": {"uuid": "e2", "info": "two", "Attribute": [{"uuid": "x2", "type": "email-src", "value": "Bad@Example.com", "to_ids": true}]}}]}
        """;
    IntelLoad load = read(json);
    assertThat(load.indicators()).extracting(Indicator::value).containsExactly("a.example", "bad@example.com");
    assertThat(load.indicators().get(1).context()).containsExactly("event: two");
    assertThat(load.problems()).isEmpty();
  }

  @Test
  void readEvent_bareEventObject_isRead() throws IOException {
    IntelLoad load = read("""
        {"info": "bare", "Attribute": [{"type": "url", "value": "HTTP://Evil.Example/x", "to_ids": true}]}
        """);
    assertThat(load.indicators()).extracting(Indicator::value).containsExactly("http://evil.example/x");
  }

  @Test
  void readEvent_malformedOrForeignJson_isAProblemNotAnException() throws IOException {
    assertThat(read("{\"Event\": ").problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).startsWith("not valid JSON"));
    assertThat(read("{\"type\": \"bundle\"}").problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).startsWith("not a MISP event"));
  }

  @Test
  void readFeed_manifestEntries_areReadAndMissingFilesReported(@TempDir Path dir) throws IOException {
    String present = "11111111-1111-4111-8111-111111111111";
    String missing = "22222222-2222-4222-8222-222222222222";
    Files.writeString(dir.resolve("manifest.json"), "{\"" + present + "\": {\"info\": \"one\"}, \"" + missing
        + "\": {\"info\": \"two\"}, \"../etc/passwd\": {}}");
    Files.writeString(dir.resolve(present + ".json"), "{\"Event\": {\"uuid\": \"" + present
        + "\", \"info\": \"one\", \"Attribute\": [{\"uuid\": \"u1\", \"type\": \"sha1\", "
        + "\"value\": \"da39a3ee5e6b4b0d3255bfef95601890afd80709\", \"to_ids\": true}]}}");
    Files.writeString(dir.resolve("33333333-3333-4333-8333-333333333333.json"),
        "{\"Event\": {\"info\": \"not listed\", \"Attribute\": [{\"type\": \"domain\", \"value\": \"x.example\", \"to_ids\": true}]}}");
    Files.writeString(dir.resolve("hashes.csv"), "whatever\n");
    IntelLoad load = MispReader.readFeed(dir, "circl");
    assertThat(load.indicators()).extracting(Indicator::value).containsExactly("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertThat(load.indicators().get(0).feed()).isEqualTo("circl");
    assertThat(load.problems()).extracting(IntelProblem::where, IntelProblem::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("event " + missing, "listed in manifest.json but " + missing + ".json is missing"),
        org.assertj.core.groups.Tuple.tuple("entry '../etc/passwd'", "not an event uuid"));
  }

  @Test
  void readFeed_withoutManifest_isAProblem(@TempDir Path dir) throws IOException {
    assertThat(MispReader.readFeed(dir, "f").problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("no manifest.json in the feed directory"));
  }
}
