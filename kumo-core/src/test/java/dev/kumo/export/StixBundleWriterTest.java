package dev.kumo.export;

import static dev.kumo.export.ExportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StixBundleWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String bundle(List<Finding> findings) throws IOException {
    StringWriter w = new StringWriter();
    new StixBundleWriter().write(findings, w);
    return w.toString();
  }

  private static Map<String, JsonNode> byId(JsonNode bundle) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode o : bundle.get("objects")) {
      out.put(o.get("id").asText(), o);
    }
    return out;
  }

  private static List<JsonNode> ofType(JsonNode bundle, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : bundle.get("objects")) {
      if (o.get("type").asText().equals(type)) {
        out.add(o);
      }
    }
    return out;
  }

  @Test
  void write_findings_validateAgainstStix21Schema() throws IOException {
    Schemas.assertValid(Schemas.STIX, bundle(ExportFixtures.all()));
  }

  @Test
  void write_findings_everyReferenceResolvesInsideTheBundleAndIdsAreUnique() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(ExportFixtures.all()));
    Map<String, JsonNode> ids = byId(bundle);

    assertThat(ids).hasSize(bundle.get("objects").size());
    for (JsonNode o : bundle.get("objects")) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getKey().endsWith("_ref")) {
          assertThat(ids).as("%s of %s", f.getKey(), o.get("id")).containsKey(f.getValue().asText());
        } else if (f.getKey().endsWith("_refs")) {
          for (JsonNode r : f.getValue()) {
            assertThat(ids).as("%s of %s", f.getKey(), o.get("id")).containsKey(r.asText());
          }
        }
      }
    }
  }

  @Test
  void write_sighting_isOfTheAttackPatternWithMitreReferenceAndCreditsTheRule() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.stopLogging())));
    Map<String, JsonNode> ids = byId(bundle);

    List<JsonNode> sightings = ofType(bundle, "sighting");
    assertThat(sightings).hasSize(1);
    JsonNode s = sightings.get(0);
    JsonNode pattern = ids.get(s.get("sighting_of_ref").asText());
    assertThat(pattern.get("type").asText()).isEqualTo("attack-pattern");
    assertThat(pattern.get("name").asText()).isEqualTo("Disable or Modify Cloud Logs");
    JsonNode ref = pattern.at("/external_references/0");
    assertThat(ref.get("source_name").asText()).isEqualTo("mitre-attack");
    assertThat(ref.get("external_id").asText()).isEqualTo("T1562.008");
    assertThat(ref.get("url").asText()).isEqualTo("https://attack.mitre.org/techniques/T1562/008/");
    assertThat(pattern.at("/kill_chain_phases/0/phase_name").asText()).isEqualTo("defense-impairment");
    assertThat(s.get("description").asText()).contains("CloudTrail logging stopped")
        .contains("Florian Roth (Nextron Systems)").contains("DRL-1.1");
    assertThat(s.get("x_kumo_finding_uid").asText()).isEqualTo(FindingIds.uid(ExportFixtures.stopLogging()));
    JsonNode where = ids.get(s.at("/where_sighted_refs/0").asText());
    assertThat(where.get("name").asText()).isEqualTo("AWS account 123456789012");
    assertThat(s.get("created_by_ref").asText()).isEqualTo(StixBundleWriter.KUMO_IDENTITY);
    assertThat(ids.get(StixBundleWriter.KUMO_IDENTITY).get("name").asText()).isEqualTo("Kumo");
  }

  @Test
  void write_observedData_refersToAddressAndPrincipalObservables() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.stopLogging())));
    Map<String, JsonNode> ids = byId(bundle);

    JsonNode od = ofType(bundle, "observed-data").get(0);
    assertThat(od.get("number_observed").asInt()).isEqualTo(1);
    List<String> types = new ArrayList<>();
    for (JsonNode r : od.get("object_refs")) {
      types.add(ids.get(r.asText()).get("type").asText());
    }
    assertThat(types).containsExactlyInAnyOrder("ipv4-addr", "user-account");
    JsonNode user = ofType(bundle, "user-account").get(0);
    assertThat(user.get("user_id").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(user.get("account_type").asText()).isEqualTo("aws");
    assertThat(ofType(bundle, "sighting").get(0).at("/observed_data_refs/0").asText()).isEqualTo(od.get("id")
        .asText());
  }

  @Test
  void write_addressObservable_hasTheIdStixPrescribes() throws IOException {
    // STIX 2.1 section 2.9's example: ipv4-addr 198.51.100.3
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.bruteForce())));

    assertThat(ofType(bundle, "ipv4-addr").get(0).get("id").asText())
        .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    JsonNode v6 = ofType(JSON.readTree(bundle(List.of(ExportFixtures.hostile()))), "ipv6-addr").get(0);
    assertThat(v6.get("value").asText()).isEqualTo("2001:db8::1");
    assertThat(v6.get("id").asText()).isEqualTo("ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26");
  }

  @Test
  void write_correlationFinding_takesCountAndTimesFromTheCorrelation() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.bruteForce())));

    JsonNode od = ofType(bundle, "observed-data").get(0);
    assertThat(od.get("first_observed").asText()).isEqualTo("2026-03-02T10:00:00.000Z");
    assertThat(od.get("last_observed").asText()).isEqualTo("2026-03-02T10:05:00.000Z");
    assertThat(od.get("number_observed").asInt()).isEqualTo(7);
    JsonNode s = ofType(bundle, "sighting").get(0);
    assertThat(s.get("count").asInt()).isEqualTo(7);
    assertThat(s.get("first_seen").asText()).isEqualTo("2026-03-02T10:00:00.000Z");
    assertThat(s.get("last_seen").asText()).isEqualTo("2026-03-02T10:05:00.000Z");
  }

  @Test
  void write_timestamps_comeFromTheFindingsNotTheClock() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.stopLogging(), ExportFixtures.bruteForce())));

    for (JsonNode o : bundle.get("objects")) {
      if (o.has("created")) {
        assertThat(o.get("created").asText()).as("created of %s", o.get("id"))
            .isIn("2026-03-02T10:00:00.123Z", "2026-03-02T10:05:00.000Z");
        assertThat(o.get("modified").asText()).isEqualTo(o.get("created").asText());
      }
    }
    assertThat(byId(bundle).get(StixBundleWriter.KUMO_IDENTITY).get("created").asText())
        .isEqualTo("2026-03-02T10:00:00.123Z");
  }

  @Test
  void write_untaggedAndSuppressedFindings_areLeftOut() throws IOException {
    JsonNode bundle = JSON.readTree(bundle(List.of(ExportFixtures.untagged(),
        ExportFixtures.stopLogging().suppressed("known-admin"), ExportFixtures.bruteForce())));

    assertThat(ofType(bundle, "sighting")).hasSize(1);
    assertThat(ofType(bundle, "observed-data")).hasSize(1);
    assertThat(ofType(bundle, "attack-pattern")).extracting(p -> p.at("/external_references/0/external_id").asText())
        .containsExactly("T1110");
  }

  @Test
  void write_sameFindingsInAnotherOrder_isByteIdentical() throws IOException {
    for (List<Finding> other : ExportFixtures.otherOrders()) {
      assertThat(bundle(other)).isEqualTo(bundle(ExportFixtures.all()));
    }
  }

  @Test
  void write_hostileStrings_areValidJsonThatRoundTrips() throws IOException {
    String out = bundle(List.of(ExportFixtures.hostile()));

    assertThat(out).doesNotContain("\u2028").doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0085");
    assertThat(out.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    Schemas.assertValid(Schemas.STIX, out);
    JsonNode bundle = JSON.readTree(out);
    JsonNode s = ofType(bundle, "sighting").get(0);
    assertThat(s.get("x_kumo_rule_id").asText()).isEqualTo("id" + HOSTILE);
    assertThat(s.get("description").asText()).contains("title" + HOSTILE).contains("reason" + HOSTILE);
    assertThat(ofType(bundle, "user-account").get(0).get("user_id").asText()).isEqualTo("principal" + HOSTILE);
  }

  @Test
  void schema_oasisExampleObjectsOfTheTypesKumoWrites_areAccepted() throws IOException {
    // the schema is written from the specification; OASIS's own examples must pass it
    java.nio.file.Path examples = dev.kumo.testing.SharedData.require("data/stix21-examples/cti-documentation/"
        + "examples/example_json");
    ObjectNode bundle = JSON.createObjectNode().put("type", "bundle")
        .put("id", "bundle--1affa123-0a4f-4fc5-81c6-fc1b058f9e44");
    com.fasterxml.jackson.databind.node.ArrayNode objects = bundle.putArray("objects");
    for (String file : List.of("sighting-of-observed-data.json", "sighting-of-an-indicator.json",
        "threat-actor-leveraging-attack-patterns-and-malware.json")) {
      for (JsonNode o : JSON.readTree(examples.resolve(file).toFile()).get("objects")) {
        if (List.of("identity", "attack-pattern", "observed-data", "sighting").contains(o.get("type").asText())) {
          objects.add(o);
        }
      }
    }

    assertThat(objects).extracting(o -> o.get("type").asText())
        .contains("identity", "attack-pattern", "observed-data", "sighting");
    Schemas.assertValid(Schemas.STIX, bundle.toString());
  }

  // --- the schema must be able to fail ---

  private static ObjectNode valid() throws IOException {
    return (ObjectNode) JSON.readTree(bundle(List.of(ExportFixtures.stopLogging())));
  }

  private static ObjectNode first(ObjectNode bundle, String type) {
    for (JsonNode o : bundle.get("objects")) {
      if (o.get("type").asText().equals(type)) {
        return (ObjectNode) o;
      }
    }
    throw new AssertionError(type);
  }

  @Test
  void schema_sightingOfAnObservable_isRejected() throws IOException {
    ObjectNode b = valid();
    first(b, "sighting").put("sighting_of_ref", first(b, "ipv4-addr").get("id").asText());
    Schemas.assertInvalid(Schemas.STIX, b.toString(), "not");
  }

  @Test
  void schema_observedDataWithoutObjectRefs_isRejected() throws IOException {
    ObjectNode b = valid();
    first(b, "observed-data").remove("object_refs");
    Schemas.assertInvalid(Schemas.STIX, b.toString(), "required");
  }

  @Test
  void schema_createdWithoutMilliseconds_isRejected() throws IOException {
    ObjectNode b = valid();
    first(b, "identity").put("created", "2026-03-02T10:00:00Z");
    Schemas.assertInvalid(Schemas.STIX, b.toString(), "pattern");
  }

  @Test
  void schema_sdoWithoutSpecVersionOrWithBadId_isRejected() throws IOException {
    ObjectNode b = valid();
    first(b, "attack-pattern").remove("spec_version");
    Schemas.assertInvalid(Schemas.STIX, b.toString(), "required");
    ObjectNode c = valid();
    first(c, "sighting").put("id", "sighting--not-a-uuid");
    Schemas.assertInvalid(Schemas.STIX, c.toString(), "pattern");
  }
}
