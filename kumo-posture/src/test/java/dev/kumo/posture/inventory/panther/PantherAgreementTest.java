package dev.kumo.posture.inventory.panther;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.check.Verdict;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: Kumo's checks agree with Panther's own policy tests. Every test row of a Panther policy mapped
 * in {@code check-map.tsv} is read by {@link PantherSnapshotReader} and judged by the mapped check; Panther's
 * expected {@code true} (compliant) must be our PASS and {@code false} our FAIL. UNKNOWN is a disagreement.
 * Each disagreement must be listed with its reason in {@code disagreements.tsv}, and nothing listed there may
 * have become an agreement.
 *
 * <p>Thresholds follow Panther's (90 days for key rotation and unused credentials) and the clock is fixed.
 * Region and account checks are judged on the snapshot's region or account (region {@code us-west-2}, the one
 * Panther's test configuration requires, for account-wide snapshots). Rows of Panther's user-key policies whose
 * snapshot is the root user are "not comparable": Kumo judges root keys with {@code aws-iam-root-access-keys};
 * they are listed with the disagreements but left out of the rate (the rate over all rows is printed too).
 */
class PantherAgreementTest {
  private static final String DATA = "data/panther-analysis-tests/tests_Policy-AWS.jsonl.gz";
  private static final String MAP = "/posture/panther/check-map.tsv";
  private static final String DISAGREEMENTS = "/posture/panther/disagreements.tsv";
  private static final double MIN_AGREEMENT = 0.90;

  private final PantherSnapshotReader reader = new PantherSnapshotReader();
  private static final String DEFAULT_REGION = "us-west-2";
  private static final String NOT_COMPARABLE = "not comparable";
  private final CheckContext context = new CheckContext(Instant.parse("2024-01-01T00:00:00Z"), 90, 90);

  @Test
  void mappedPantherPolicies_agreeWithKumoChecks() throws IOException {
    Path data = SharedData.require(DATA);
    Map<String, String> map = new TreeMap<>();
    for (String[] row : tsv(MAP, 2)) {
      assertThat(map.put(row[0], row[1])).as("rule %s mapped twice", row[0]).isNull();
    }
    Map<String, Check> checks = BuiltinChecks.all().stream()
        .collect(Collectors.toMap(c -> c.meta().id(), Function.identity()));
    assertThat(checks.keySet()).as("mapped check ids").containsAll(map.values());
    Map<String, String> listed = new TreeMap<>();
    for (String[] row : tsv(DISAGREEMENTS, 3)) {
      assertThat(row[2]).as("reason for %s / %s", row[0], row[1]).isNotBlank();
      assertThat(map).as("disagreement of an unmapped rule %s", row[0]).containsKey(row[0]);
      assertThat(listed.put(row[0] + " / " + row[1], row[2])).as("listed twice: %s / %s", row[0], row[1]).isNull();
    }

    int mapped = 0;
    int agreed = 0;
    int notComparable = 0;
    Map<String, String> found = new TreeMap<>();
    for (JsonObject row : rows(data)) {
      String rule = row.getString("rule_id");
      String checkId = rule == null ? null : map.get(rule);
      if (checkId == null) {
        continue;
      }
      mapped++;
      String key = rule + " / " + row.getString("test_name");
      boolean compliant = Boolean.TRUE.equals(row.get("expected_result"));
      Verdict v = judge(checks.get(checkId), row);
      if (v.status() == (compliant ? Status.PASS : Status.FAIL)) {
        agreed++;
      } else {
        if (v.detail().startsWith(NOT_COMPARABLE)) {
          notComparable++;
        }
        found.put(key, "Panther " + compliant + ", Kumo " + v.status() + ": " + v.detail());
      }
    }
    int comparable = mapped - notComparable;
    double share = comparable == 0 ? 0 : (double) agreed / comparable;
    System.out.printf("Panther agreement: %d rows mapped, %d comparable, %d agreed (%.1f%%; %.1f%% of all rows),"
        + " %d listed disagreements%n", mapped, comparable, agreed, 100 * share, 100.0 * agreed / mapped,
        listed.size());
    found.forEach((k, why) -> System.out.println("  disagreement " + k + " — " + why));

    assertThat(mapped).as("rows of mapped rules").isPositive();
    assertThat(found.keySet()).as("disagreements not listed in disagreements.tsv (with a reason)")
        .isSubsetOf(listed.keySet());
    assertThat(listed.keySet()).as("listed disagreements that now agree (stale entries)")
        .isSubsetOf(found.keySet());
    assertThat(share).as("agreement over %d comparable rows", comparable).isGreaterThanOrEqualTo(MIN_AGREEMENT);
  }

  /**
   * Runs the check on every resource of its kind the snapshot maps to: any FAIL fails, else any UNKNOWN is
   * unknown, else PASS (also when the snapshot holds no resource of that kind, e.g. an RDS instance without
   * snapshots for the snapshot check).
   */
  private Verdict judge(Check check, JsonObject row) {
    JsonObject log = Objects.requireNonNull(row.getObject("log"), "row without log");
    String type = log.getString("ResourceType");
    if (type == null && row.get("log_types") instanceof JsonArray types && !types.isEmpty()) {
      // rules over users and root carry no type; the user mapping routes the root ARN to aws.iam.root
      type = types.contains("AWS.IAM.User") ? "AWS.IAM.User" : String.valueOf(types.get(0));
    }
    List<Resource> resources;
    try {
      resources = reader.map(Objects.requireNonNull(type), log, "panther test " + row.getString("test_name"));
    } catch (IllegalArgumentException e) {
      return new Verdict(Status.UNKNOWN, "snapshot refused: " + e.getMessage());
    }
    Inventory inv = new Inventory(resources, List.of());
    String kind = check.meta().kind();
    if (kind.equals("aws.region") || kind.equals("aws.account")) {
      Resource first = resources.get(0);
      String region = kind.equals("aws.account") ? "" : first.region().isEmpty() ? DEFAULT_REGION : first.region();
      Resource scope = new Resource(Provider.AWS, kind, Inventory.scopeId(Provider.AWS, first.account(), region),
          region.isEmpty() ? first.account() : region, first.account(), region, Facts.EMPTY, "test");
      return check.rule().test(scope, inv, context);
    }
    if (kind.equals("aws.iam.user") && resources.stream().allMatch(r -> r.kind().equals("aws.iam.root"))) {
      return new Verdict(Status.UNKNOWN, NOT_COMPARABLE + ": the snapshot is the root user");
    }
    // each mapped resource on its own: Panther's synthetic snapshots repeat nested ids the inventory would merge
    List<Verdict> verdicts = resources.stream().filter(r -> r.kind().equals(kind))
        .map(r -> check.rule().test(r, inv, context)).toList();
    for (Status s : List.of(Status.FAIL, Status.UNKNOWN)) {
      for (Verdict v : verdicts) {
        if (v.status() == s) {
          return v;
        }
      }
    }
    return verdicts.isEmpty() ? Verdict.pass("no " + check.meta().kind() + " in the snapshot") : verdicts.get(0);
  }

  private static List<JsonObject> rows(Path gz) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    JsonTreeReader json = JsonTreeReader.lenient();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && json.read(line) instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** Tab-separated rows with at least {@code columns} fields; blank lines and {@code #} comments skipped. */
  private static List<String[]> tsv(String resource, int columns) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = PantherAgreementTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", columns);
        assertThat(f).as("%s: %s", resource, line).hasSize(columns);
        out.add(f);
      }
    }
    return out;
  }
}
