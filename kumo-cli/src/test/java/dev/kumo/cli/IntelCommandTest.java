package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kumo intel import/list/stats/remove/export, and hunt --intel, end to end. */
class IntelCommandTest {
  @TempDir
  Path dir;

  private String oldHome;
  private Path logs;

  private static final String BUNDLE = """
      {"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--a1b2c3d4-0000-4000-8000-000000000001",
         "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "name": "C2 address",
         "pattern": "[ipv4-addr:value = '203.0.113.9']", "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
         "confidence": 90},
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--a1b2c3d4-0000-4000-8000-000000000002",
         "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "name": "Scattered \\u001b[31mSpider"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--a1b2c3d4-0000-4000-8000-000000000003",
         "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "relationship_type": "attributed-to",
         "source_ref": "indicator--a1b2c3d4-0000-4000-8000-000000000001",
         "target_ref": "threat-actor--a1b2c3d4-0000-4000-8000-000000000002"},
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--a1b2c3d4-0000-4000-8000-000000000004",
         "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
         "pattern": "[x509-certificate:serial_number = '01']", "pattern_type": "stix",
         "valid_from": "2026-01-01T00:00:00Z"}
      ]}
      """;

  @BeforeEach
  void setUp() throws Exception {
    oldHome = System.getProperty("kumo.home");
    System.setProperty("kumo.home", dir.resolve("home").toString());
    logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":[" + HuntCommandTest.event(1, "DescribeTrails",
        "aws-cli/2", "bob") + "," + HuntCommandTest.event(2, "ListBuckets", "aws-cli/2", "bob") + "]}");
    Files.writeString(dir.resolve("c2.json"), BUNDLE);
    Files.writeString(dir.resolve("keys.csv"), "value,type,confidence,context\nAKIAEXAMPLE,access-key,60,"
        + "\"campaign: key leak\"\nnot a value,domain,50,\n");
  }

  @AfterEach
  void restore() {
    if (oldHome == null) {
      System.clearProperty("kumo.home");
    } else {
      System.setProperty("kumo.home", oldHome);
    }
  }

  @Test
  void import_feeds_areStoredListedCountedAndRemoved() {
    Cli.Result imported = Cli.run("intel", "import", dir.resolve("c2.json").toString(), dir.resolve("keys.csv").toString());

    assertThat(imported.exit()).isEqualTo(ExitCode.OK);
    assertThat(imported.out()).contains("imported c2: 1 indicators (ip 1), 1 problems (stix)",
        "imported keys: 1 indicators (access-key 1), 1 problems (list)");
    assertThat(imported.err()).contains("x509-certificate:serial_number", "line 3");
    assertThat(Cli.run("intel", "list").out()).contains("c2", "keys");
    assertThat(Cli.run("intel", "stats").out()).contains("access-key", "2 indicators", "memory: about");
    assertThat(Cli.run("intel", "remove", "keys").exit()).isEqualTo(ExitCode.OK);
    assertThat(Cli.run("intel", "list").out()).doesNotContain("keys");
    assertThat(Cli.run("intel", "remove", "keys").exit()).isEqualTo(ExitCode.NO_INPUT);
  }

  @Test
  void hunt_withStoreAndIntelOption_reportsMatchesWithContextAndExportsSightings() throws Exception {
    Cli.run("intel", "import", dir.resolve("c2.json").toString());
    Path findings = dir.resolve("f.jsonl");

    Cli.Result hunt = Cli.run("hunt", logs.toString(), "--intel", dir.resolve("keys.csv").toString(), "-o",
        findings.toString(), "--format", "jsonl");

    assertThat(hunt.exit()).isEqualTo(ExitCode.OK);
    List<JsonObject> intel = Files.readAllLines(findings).stream()
        .map(l -> (JsonObject) JsonTreeReader.lenient().read(l))
        .filter(o -> "kumo_intel_ioc_match".equals(o.getString("rule_name"))).toList();
    assertThat(intel).hasSize(2);
    assertThat(intel).extracting(o -> o.getString("reason")).anySatisfy(r -> assertThat(r)
        .contains("ip 203.0.113.9 (feed c2, confidence 90; threat-actor: Scattered \u001b[31mSpider)"))
        .anySatisfy(r -> assertThat(r).contains("access-key AKIAEXAMPLE (feed keys, confidence 60; list: keys; campaign: key leak)"));
    assertThat(intel).allSatisfy(o -> assertThat((JsonArray) o.get("intel")).hasSize(2));
    assertThat(hunt.err()).contains("Intel: 2 indicators");

    Path stix = dir.resolve("sightings.json");
    assertThat(Cli.run("intel", "export", findings.toString(), "-o", stix.toString()).exit()).isEqualTo(ExitCode.OK);
    JsonObject bundle = (JsonObject) JsonTreeReader.lenient().read(Files.readString(stix));
    List<JsonObject> sightings = ((JsonArray) bundle.get("objects")).stream().map(JsonObject.class::cast)
        .filter(o -> "sighting".equals(o.getString("type"))).toList();
    assertThat(sightings).hasSize(2).allSatisfy(s -> assertThat(((Number) s.get("count")).longValue()).isEqualTo(2));
    assertThat(sightings).extracting(s -> s.getString("sighting_of_ref"))
        .contains("indicator--a1b2c3d4-0000-4000-8000-000000000001");

    Cli.Result misp = Cli.run("intel", "export", findings.toString(), "--format", "misp");
    assertThat(misp.out()).contains("\"values\" : [ \"203.0.113.9\" ]", "\"source\" : \"kumo\"");
  }

  @Test
  void hunt_noIntelStore_ignoresTheLocalStore() throws Exception {
    Cli.run("intel", "import", dir.resolve("c2.json").toString());
    Path findings = dir.resolve("f.jsonl");

    Cli.run("hunt", logs.toString(), "--no-intel-store", "-o", findings.toString(), "--format", "jsonl");

    assertThat(Files.readString(findings)).doesNotContain("kumo_intel_ioc_match");
  }

  @Test
  void import_revokingBundle_removesTheIndicatorFromEveryFeed() throws Exception {
    Cli.run("intel", "import", dir.resolve("c2.json").toString());
    Files.writeString(dir.resolve("revoke.json"), """
        {"type": "bundle", "id": "bundle--2", "objects": [
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--a1b2c3d4-0000-4000-8000-000000000001",
           "created": "2026-01-01T00:00:00Z", "modified": "2026-02-01T00:00:00Z", "revoked": true,
           "pattern": "[ipv4-addr:value = '203.0.113.9']", "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z"}
        ]}
        """);

    Cli.Result r = Cli.run("intel", "import", dir.resolve("revoke.json").toString());

    assertThat(r.out()).contains("1 revoked indicators removed");
    assertThat(Cli.run("intel", "stats").out()).contains("0 indicators");
  }
}
