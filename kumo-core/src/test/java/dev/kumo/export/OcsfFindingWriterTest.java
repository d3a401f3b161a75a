package dev.kumo.export;

import static dev.kumo.export.ExportFixtures.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcsfFindingWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String jsonl(Finding... findings) throws IOException {
    StringWriter w = new StringWriter();
    try (OcsfFindingWriter out = new OcsfFindingWriter(w, false, "1.2.3", dev.kumo.attack.AttackCatalog.bundled())) {
      for (Finding f : findings) {
        out.write(f);
      }
    }
    return w.toString();
  }

  private static ObjectNode one(Finding f) throws IOException {
    return (ObjectNode) JSON.readTree(jsonl(f));
  }

  @Test
  void write_findings_validateAgainstOcsfDetectionFindingSchema() throws IOException {
    String out = jsonl(ExportFixtures.all().toArray(Finding[]::new));

    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(ExportFixtures.all().size());
    for (String line : lines) {
      Schemas.assertValid(Schemas.OCSF, line);
    }
  }

  @Test
  void write_plainFinding_mapsClassSeverityRuleAndCloud() throws IOException {
    ObjectNode o = one(ExportFixtures.stopLogging());

    assertThat(o.get("class_uid").asInt()).isEqualTo(2004);
    assertThat(o.get("category_uid").asInt()).isEqualTo(2);
    assertThat(o.get("activity_id").asInt()).isEqualTo(1);
    assertThat(o.get("type_uid").asLong()).isEqualTo(200401);
    assertThat(o.get("severity_id").asInt()).isEqualTo(4);
    assertThat(o.get("risk_level_id").asInt()).isEqualTo(3);
    assertThat(o.get("status").asText()).isEqualTo("New");
    assertThat(o.get("is_alert").asBoolean()).isTrue();
    assertThat(o.get("time").asLong()).isEqualTo(ExportFixtures.T0.toEpochMilli());
    JsonNode meta = o.get("metadata");
    assertThat(meta.get("version").asText()).isEqualTo(OcsfFindingWriter.OCSF_VERSION);
    assertThat(meta.at("/product/name").asText()).isEqualTo("Kumo");
    assertThat(meta.at("/product/vendor_name").asText()).isEqualTo("Kumo");
    assertThat(meta.at("/product/version").asText()).isEqualTo("1.2.3");
    assertThat(meta.get("profiles")).extracting(JsonNode::asText).containsExactly("cloud");
    JsonNode info = o.get("finding_info");
    assertThat(info.get("uid").asText()).isEqualTo(FindingIds.uid(ExportFixtures.stopLogging()))
        .isEqualTo(meta.get("uid").asText());
    assertThat(info.get("title").asText()).isEqualTo("CloudTrail logging stopped");
    assertThat(info.get("desc").asText()).isEqualTo("alice stopped CloudTrail trail main");
    assertThat(info.at("/analytic/uid").asText()).isEqualTo("aws_cloudtrail_stop_logging");
    assertThat(info.at("/analytic/type_id").asInt()).isEqualTo(1);
    assertThat(info.get("related_events")).extracting(e -> e.get("uid").asText()).containsExactly("ev-1");
    assertThat(o.at("/cloud/provider").asText()).isEqualTo("AWS");
    assertThat(o.at("/cloud/account/uid").asText()).isEqualTo("123456789012");
    assertThat(o.at("/cloud/region").asText()).isEqualTo("us-east-1");
    JsonNode evidence = o.at("/evidences/0");
    assertThat(evidence.at("/actor/user/uid").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(evidence.at("/actor/user/credential_uid").asText()).isEqualTo("AKIAEXAMPLE");
    assertThat(evidence.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
    assertThat(evidence.at("/api/operation").asText()).isEqualTo("StopLogging");
    assertThat(evidence.at("/api/service/name").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(o.at("/resources/0/uid").asText()).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/main");
  }

  @Test
  void write_subTechnique_writesParentTechniqueSubTechniqueAndV18Tactic() throws IOException {
    JsonNode attack = one(ExportFixtures.stopLogging()).at("/finding_info/attacks/0");

    assertThat(attack.at("/technique/uid").asText()).isEqualTo("T1562");
    assertThat(attack.at("/technique/name").asText()).isEqualTo("Impair Defenses");
    assertThat(attack.at("/sub_technique/uid").asText()).isEqualTo("T1562.008");
    assertThat(attack.at("/tactic/name").asText()).isEqualTo("Defense Impairment");
    assertThat(attack.get("version").asText()).isNotEmpty();
  }

  @Test
  void write_sigmaHqRule_keepsAuthorAndLicenceCredit() throws IOException {
    JsonNode kumo = one(ExportFixtures.stopLogging()).at("/unmapped/kumo");

    assertThat(kumo.get("rule_author").asText()).isEqualTo("Florian Roth (Nextron Systems)");
    assertThat(kumo.get("rule_license").asText()).isEqualTo("DRL-1.1");
    assertThat(kumo.get("rule_source").asText()).isEqualTo("builtin:sigmahq/aws_cloudtrail_disable_logging.yml");
    assertThat(kumo.get("threats")).extracting(JsonNode::asText).containsExactly("defense-impairment");
    assertThat(kumo.get("suppressed_by").isNull()).isTrue();
  }

  @Test
  void write_correlationFinding_setsFirstSeenFromCorrelation() throws IOException {
    Finding f = ExportFixtures.bruteForce();
    ObjectNode o = one(f);

    long first = f.correlation().firstTime().toEpochMilli();
    assertThat(o.get("start_time").asLong()).isEqualTo(first);
    assertThat(o.at("/finding_info/first_seen_time").asLong()).isEqualTo(first);
    assertThat(o.get("end_time").asLong()).isEqualTo(f.time().toEpochMilli());
    assertThat(o.at("/finding_info/last_seen_time").asLong()).isEqualTo(f.time().toEpochMilli());
    assertThat(o.at("/finding_info/analytic/category").asText()).isEqualTo("Sigma correlation: event_count");
    assertThat(o.at("/finding_info/related_events")).extracting(e -> e.get("uid").asText())
        .containsExactly("ev-3", "ev-9");
    assertThat(o.at("/unmapped/kumo/correlation/event_count").asLong()).isEqualTo(7);
    assertThat(o.at("/unmapped/kumo/correlation/group/sourceIPAddress").asText()).isEqualTo("198.51.100.3");
  }

  @Test
  void write_detectorFinding_namesTheDetectorAsAnalyticCategory() throws IOException {
    Finding s = ExportFixtures.stopLogging();
    dev.kumo.finding.FindingRule r = s.rule();
    dev.kumo.finding.FindingRule detector = new dev.kumo.finding.FindingRule(r.level(), "kumo_detector_x", null,
        "A detector", "Kumo", "Apache-2.0", "builtin:detector/kumo_detector_x", r.techniques(), r.tactics(),
        r.threats());
    ObjectNode o = one(new Finding(detector, s.event(), null, "seen", s.evidence()));

    assertThat(o.at("/finding_info/analytic/category").asText()).isEqualTo("Kumo detector");
    assertThat(one(s).at("/finding_info/analytic/category").asText()).isEqualTo("Sigma rule");
  }

  @Test
  void write_suppressedFinding_isSuppressedAndNotAnAlert() throws IOException {
    ObjectNode o = one(ExportFixtures.stopLogging().suppressed("known-admin"));

    assertThat(o.get("status_id").asInt()).isEqualTo(3);
    assertThat(o.get("status").asText()).isEqualTo("Suppressed");
    assertThat(o.get("is_alert").asBoolean()).isFalse();
    assertThat(o.at("/unmapped/kumo/suppressed_by").asText()).isEqualTo("known-admin");
  }

  @Test
  void write_untaggedRuleAndServiceSource_omitAttacksAndUseSvcName() throws IOException {
    ObjectNode o = one(ExportFixtures.untagged());

    assertThat(o.at("/finding_info").has("attacks")).isFalse();
    assertThat(o.at("/evidences/0/src_endpoint/svc_name").asText()).isEqualTo("aws-internal");
    assertThat(o.at("/unmapped/kumo/rule_author").isNull()).isTrue();
  }

  @Test
  void write_hostileStrings_areValidJsonThatRoundTrips() throws IOException {
    String out = jsonl(ExportFixtures.hostile());

    assertThat(out.lines()).hasSize(1);
    assertThat(out).doesNotContain("\u2028").doesNotContain("\u001b").doesNotContain("\u202e")
        .doesNotContain("\u0085");
    assertThat(out.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    assertThat(new String(out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(out);
    Schemas.assertValid(Schemas.OCSF, out);
    JsonNode o = JSON.readTree(out);
    assertThat(o.at("/finding_info/title").asText()).isEqualTo("title" + HOSTILE);
    assertThat(o.at("/finding_info/desc").asText()).isEqualTo("reason" + HOSTILE);
    assertThat(o.at("/finding_info/analytic/uid").asText()).isEqualTo("id" + HOSTILE);
    assertThat(o.at("/evidences/0/actor/user/uid").asText()).isEqualTo("principal" + HOSTILE);
    assertThat(o.at("/evidences/0/api/operation").asText()).isEqualTo("op" + HOSTILE);
    assertThat(o.at("/evidences/0/http_request/user_agent").asText()).isEqualTo("ua" + HOSTILE);
    assertThat(o.at("/unmapped/kumo/rule_author").asText()).isEqualTo("author" + HOSTILE);
    assertThat(o.at("/cloud/account/uid").asText()).isEqualTo("acct" + HOSTILE);
  }

  @Test
  void write_jsonArray_isOneDocumentOfAllFindings() throws IOException {
    StringWriter w = new StringWriter();
    OcsfFindingWriter.writeAll(ExportFixtures.all(), w, true);

    JsonNode doc = JSON.readTree(w.toString());
    assertThat(doc).isInstanceOf(ArrayNode.class).hasSize(ExportFixtures.all().size());
    for (JsonNode f : doc) {
      Schemas.assertValid(Schemas.OCSF, f.toString());
    }
    assertThat(w.toString()).endsWith("]\n");
  }

  @Test
  void close_jsonArrayWithNothingWritten_isEmptyArrayAndLaterWritesFail() throws IOException {
    StringWriter w = new StringWriter();
    OcsfFindingWriter out = new OcsfFindingWriter(w, true);
    out.close();

    assertThat(w.toString()).isEqualTo("[]\n");
    assertThatThrownBy(() -> out.write(ExportFixtures.stopLogging())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void writeAll_sameFindingsInAnotherOrder_isByteIdentical() throws IOException {
    for (List<Finding> other : ExportFixtures.otherOrders()) {
      for (boolean array : new boolean[] {false, true}) {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        OcsfFindingWriter.writeAll(ExportFixtures.all(), a, array);
        OcsfFindingWriter.writeAll(other, b, array);

        assertThat(b.toString()).isEqualTo(a.toString());
      }
    }
  }

  @Test
  void uid_differsPerFindingAndIsStable() {
    assertThat(FindingIds.uid(ExportFixtures.stopLogging())).isEqualTo(FindingIds.uid(ExportFixtures.stopLogging()))
        .isNotEqualTo(FindingIds.uid(ExportFixtures.bruteForce()))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  // --- the schema must be able to fail: each of these breaks one rule of OCSF 1.4.0 class 2004 ---

  private static ObjectNode valid() throws IOException {
    return one(ExportFixtures.stopLogging());
  }

  @Test
  void schema_findingWithoutClassUid_isRejected() throws IOException {
    ObjectNode o = valid();
    o.remove("class_uid");
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "required");
  }

  @Test
  void schema_findingWithoutFindingInfoUid_isRejected() throws IOException {
    ObjectNode o = valid();
    ((ObjectNode) o.get("finding_info")).remove("uid");
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "required");
  }

  @Test
  void schema_typeUidNotMatchingActivity_isRejected() throws IOException {
    ObjectNode o = valid();
    o.put("type_uid", 200402);
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "const");
  }

  @Test
  void schema_unknownSeverityOrStatusId_isRejected() throws IOException {
    ObjectNode o = valid();
    o.put("severity_id", 7);
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "enum");
    ObjectNode s = valid();
    s.put("status_id", 9);
    Schemas.assertInvalid(Schemas.OCSF, s.toString(), "enum");
  }

  @Test
  void schema_timeAsString_isRejected() throws IOException {
    ObjectNode o = valid();
    o.put("time", "2026-03-02T10:00:00Z");
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "type");
  }

  @Test
  void schema_attackWithNeitherTacticNorTechnique_isRejected() throws IOException {
    ObjectNode o = valid();
    ObjectNode attack = (ObjectNode) o.at("/finding_info/attacks/0");
    attack.remove(List.of("technique", "sub_technique", "tactic"));
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "required");
  }

  @Test
  void schema_cloudProfileWithoutCloud_isRejected() throws IOException {
    ObjectNode o = valid();
    o.remove("cloud");
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "required");
  }

  @Test
  void schema_attributeOcsfDoesNotDefine_isRejected() throws IOException {
    ObjectNode o = valid();
    o.put("severty_id", 4);
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "additionalProperties");
  }

  @Test
  void schema_analyticWithoutTypeId_isRejected() throws IOException {
    ObjectNode o = valid();
    ((ObjectNode) o.at("/finding_info/analytic")).remove("type_id");
    Schemas.assertInvalid(Schemas.OCSF, o.toString(), "required");
  }
}
