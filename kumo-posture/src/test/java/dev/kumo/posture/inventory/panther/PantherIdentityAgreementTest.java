package dev.kumo.posture.inventory.panther;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Runs Panther's own policy test snapshots (identity, logging, key families) through our mappers and checks:
 * Panther {@code true} (compliant) must be PASS and {@code false} FAIL; UNKNOWN counts as a disagreement. A row
 * whose snapshot maps to a kind the check does not evaluate (root rows of Panther's user-key rules) is "not
 * comparable": listed with the disagreements, but left out of the agreement rate.
 * Thresholds follow Panther's (90 days for rotation and for unused credentials); region-scope checks are
 * evaluated in the snapshot's region, or {@code us-west-2} (the region Panther's test configuration requires)
 * for account-wide snapshots.
 */
class PantherIdentityAgreementTest {
  private static final String DEFAULT_REGION = "us-west-2";
  private static final CheckContext CONTEXT = new CheckContext(Instant.parse("2024-01-01T00:00:00Z"), 90, 90);
  private static final List<PantherMapper> MAPPERS = List.of(new PantherIamMapper(), new PantherLoggingMapper(),
      new PantherKmsMapper());

  @Test
  void identityChecks_agreeWithPantherPolicyTests() throws IOException {
    Path file = SharedData.require("data/panther-analysis-tests/tests_Policy-AWS.jsonl.gz");
    Map<String, String> map = tsv("check-map-identity.tsv", 2).stream()
        .collect(Collectors.toMap(r -> r[0], r -> r[1], (a, b) -> a, TreeMap::new));
    Map<String, String> listed = new TreeMap<>();
    for (String[] r : tsv("disagreements-identity.tsv", 3)) {
      listed.put(r[0] + "\t" + r[1], r[2]);
    }
    Map<String, Check> checks = BuiltinChecks.all().stream()
        .collect(Collectors.toMap(c -> c.meta().id(), Function.identity()));
    Map<String, PantherMapper> byType = new LinkedHashMap<>();
    MAPPERS.forEach(m -> m.types().forEach(t -> byType.put(t, m)));

    int rows = 0;
    int agree = 0;
    int notComparable = 0;
    Map<String, String> disagreements = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonObject row = (JsonObject) JsonTreeReader.lenient().read(line);
        String rule = row.getString("rule_id");
        String checkId = map.get(rule);
        if (checkId == null) {
          continue;
        }
        rows++;
        boolean compliant = Boolean.TRUE.equals(row.get("expected_result"));
        JsonObject log = row.getObject("log");
        String outcome = evaluate(checks.get(checkId), type(row, log, byType), log, byType);
        boolean ok = outcome.equals(compliant ? "PASS" : "FAIL");
        if (outcome.startsWith("not comparable")) {
          notComparable++;
        }
        if (ok) {
          agree++;
        } else {
          disagreements.put(rule + "\t" + row.getString("test_name"),
              "panther " + compliant + ", kumo " + outcome);
        }
      }
    }
    // rows the kumo check never evaluates (the snapshot maps to another kind, e.g. root rows of user-key rules)
    // stay listed as disagreements but leave the rate; the rate over all rows is printed too
    int comparable = rows - notComparable;
    double rate = comparable == 0 ? 0 : (double) agree / comparable;
    System.out.printf("Panther identity agreement: %d of %d comparable rows (%.1f%%); %d of %d rows overall;"
        + " %d rows not comparable%n", agree, comparable, 100 * rate, agree, rows, notComparable);
    disagreements.forEach((k, v) -> System.out.println("  disagreement " + k + ": " + v
        + (listed.containsKey(k) ? " — " + listed.get(k) : " — NOT LISTED")));
    assertThat(rows).isGreaterThan(50);
    assertThat(disagreements.keySet()).as("every disagreement is listed with a reason")
        .isSubsetOf(listed.keySet());
    assertThat(listed.keySet()).as("listed disagreements still disagree").isSubsetOf(disagreements.keySet());
    assertThat(rate).isGreaterThanOrEqualTo(0.9);
  }

  private static String type(JsonObject row, JsonObject log, Map<String, PantherMapper> byType) {
    String t = log.getString("ResourceType");
    if (t != null && byType.containsKey(t)) {
      return t;
    }
    List<String> known = new ArrayList<>();
    for (Object lt : (JsonArray) row.get("log_types")) {
      if (byType.containsKey((String) lt)) {
        known.add((String) lt);
      }
    }
    // rows of rules over users and root carry no type; the user mapping routes the root ARN to aws.iam.root
    return known.contains("AWS.IAM.User") ? "AWS.IAM.User" : known.isEmpty() ? "?" : known.get(0);
  }

  /** PASS, FAIL, UNKNOWN, "unmapped: reason" or "not comparable: kind". */
  private static String evaluate(Check check, String type, JsonObject log, Map<String, PantherMapper> byType) {
    PantherMapper mapper = byType.get(type);
    if (mapper == null) {
      return "unmapped: no mapper for " + type;
    }
    Resource r;
    try {
      r = mapper.map(type, log, "panther");
    } catch (IllegalArgumentException e) {
      return "unmapped: " + e.getMessage();
    }
    Inventory inv = new Inventory(List.of(r), List.of());
    String kind = check.meta().kind();
    Resource subject;
    if (kind.equals(r.kind())) {
      subject = r;
    } else if (kind.equals("aws.region")) {
      String region = r.region().isEmpty() ? DEFAULT_REGION : r.region();
      subject = new Resource(Provider.AWS, kind, Inventory.scopeId(Provider.AWS, r.account(), region), region,
          r.account(), region, Facts.EMPTY, "test");
    } else if (kind.equals("aws.account")) {
      subject = new Resource(Provider.AWS, kind, Inventory.scopeId(Provider.AWS, r.account(), ""), r.account(),
          r.account(), "", Facts.EMPTY, "test");
    } else {
      return "not comparable: mapped to " + r.kind();
    }
    Verdict v = check.rule().test(subject, inv, CONTEXT);
    return v.status() == Status.UNKNOWN ? "UNKNOWN (" + v.detail() + ")" : v.status().name();
  }

  private static List<String[]> tsv(String name, int columns) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = PantherIdentityAgreementTest.class.getResourceAsStream("/posture/panther/" + name)) {
      assertThat(in).as(name).isNotNull();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] cols = l.split("\t", -1);
        assertThat(cols).as(name + ": " + l).hasSize(columns);
        out.add(cols);
      }
    }
    return out;
  }
}
