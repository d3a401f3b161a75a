package dev.kumo.export;

import static dev.kumo.export.ExportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigatorFindingsLayerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String layer(List<Finding> findings, Collection<String> covered) throws IOException {
    StringWriter w = new StringWriter();
    new NavigatorFindingsLayer().write(findings, covered, "Kumo findings", w);
    return w.toString();
  }

  private static JsonNode entry(JsonNode layer, String technique, String tactic) {
    for (JsonNode t : layer.get("techniques")) {
      if (t.get("techniqueID").asText().equals(technique) && t.path("tactic").asText().equals(tactic)) {
        return t;
      }
    }
    throw new AssertionError("no entry " + technique + "/" + tactic + " in " + layer);
  }

  @Test
  void write_findings_validateAgainstLayerFormat45AndKumoProfile() throws IOException {
    String out = layer(ExportFixtures.all(), List.of("T1098", "T1562.008", "T9999"));

    Schemas.assertValid(Schemas.NAVIGATOR, out);
    Schemas.assertValid(Schemas.KUMO_NAVIGATOR, out);
    JsonNode layer = JSON.readTree(out);
    assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
    assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
    assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
  }

  @Test
  void write_findings_scoreIsTheNumberOfFindingsPerTechniqueAndTactic() throws IOException {
    List<Finding> findings = List.of(ExportFixtures.stopLogging(), ExportFixtures.stopLogging(),
        ExportFixtures.bruteForce(), ExportFixtures.stopLogging().suppressed("known-admin"));
    JsonNode layer = JSON.readTree(layer(findings, List.of()));

    JsonNode stop = entry(layer, "T1562.008", "defense-impairment");
    assertThat(stop.get("score").asInt()).isEqualTo(2);
    assertThat(stop.get("comment").asText()).contains("2 finding(s)").contains("CloudTrail logging stopped");
    assertThat(stop.get("metadata")).extracting(m -> m.get("name").asText()).contains("rule", "first seen");
    assertThat(entry(layer, "T1110", "credential-access").get("score").asInt()).isEqualTo(1);
    assertThat(layer.get("techniques")).hasSize(2);
    assertThat(layer.at("/gradient/maxValue").asInt()).isEqualTo(2);
  }

  @Test
  void write_coveredButNotSeen_listsExplicitScoreZeroEntries() throws IOException {
    JsonNode layer = JSON.readTree(layer(List.of(ExportFixtures.stopLogging()), List.of("T1098", "t1562.008",
        "T9999")));

    JsonNode gap = entry(layer, "T1098", "persistence");
    assertThat(gap.get("score").asInt()).isZero();
    assertThat(gap.get("comment").asText()).contains("not seen");
    assertThat(entry(layer, "T1562.008", "defense-impairment").get("score").asInt()).isEqualTo(1);
    assertThat(layer.get("techniques")).extracting(t -> t.get("techniqueID").asText()).doesNotContain("T9999");
    assertThat(layer.get("description").asText()).contains("T9999");
  }

  @Test
  void write_sameFindingsInAnotherOrder_isByteIdentical() throws IOException {
    for (List<Finding> other : ExportFixtures.otherOrders()) {
      assertThat(layer(other, List.of("T1098"))).isEqualTo(layer(ExportFixtures.all(), List.of("T1098")));
    }
  }

  @Test
  void write_hostileRuleTitle_isValidJsonThatRoundTrips() throws IOException {
    String out = layer(List.of(ExportFixtures.hostile()), List.of());

    assertThat(out).doesNotContain("\u2028");
    assertThat(out.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    Schemas.assertValid(Schemas.KUMO_NAVIGATOR, out);
    JsonNode t = entry(JSON.readTree(out), "T1078.004", "initial-access");
    assertThat(t.get("comment").asText()).contains("title" + HOSTILE);
  }

  // --- the schemas must be able to fail ---

  private static ObjectNode valid() throws IOException {
    return (ObjectNode) JSON.readTree(layer(List.of(ExportFixtures.stopLogging()), List.of("T1098")));
  }

  @Test
  void schema_layerWithoutTechniques_isRejectedByKumoProfileThoughFormatAllowsIt() throws IOException {
    ObjectNode o = valid();
    o.remove("techniques");

    Schemas.assertValid(Schemas.NAVIGATOR, o.toString());
    Schemas.assertInvalid(Schemas.KUMO_NAVIGATOR, o.toString(), "required");
  }

  @Test
  void schema_layerWithoutNameOrDomain_isRejected() throws IOException {
    ObjectNode o = valid();
    o.remove("name");
    Schemas.assertInvalid(Schemas.NAVIGATOR, o.toString(), "required");
    ObjectNode d = valid();
    d.put("domain", "cloud-attack");
    Schemas.assertInvalid(Schemas.NAVIGATOR, d.toString(), "enum");
  }

  @Test
  void schema_otherLayerVersionOrOldNavigator_isRejected() throws IOException {
    ObjectNode o = valid();
    ((ObjectNode) o.get("versions")).put("layer", "4.4");
    Schemas.assertInvalid(Schemas.NAVIGATOR, o.toString(), "const");
    ObjectNode n = valid();
    ((ObjectNode) n.get("versions")).put("navigator", "4.8.2");
    Schemas.assertInvalid(Schemas.NAVIGATOR, n.toString(), "pattern");
  }

  @Test
  void schema_badTechniqueIdOrOneColorGradient_isRejected() throws IOException {
    ObjectNode o = valid();
    ((ObjectNode) o.at("/techniques/0")).put("techniqueID", "TA0005");
    Schemas.assertInvalid(Schemas.NAVIGATOR, o.toString(), "pattern");
    ObjectNode g = valid();
    ((com.fasterxml.jackson.databind.node.ArrayNode) g.at("/gradient/colors")).remove(1);
    ((com.fasterxml.jackson.databind.node.ArrayNode) g.at("/gradient/colors")).remove(1);
    Schemas.assertInvalid(Schemas.NAVIGATOR, g.toString(), "minItems");
  }
}
