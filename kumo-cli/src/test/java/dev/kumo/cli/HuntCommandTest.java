package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kumo hunt end to end, including hostile log content in every output format. */
class HuntCommandTest {
  @TempDir
  Path dir;

  Path logs;
  Path rules;

  static String event(int n, String name, String userAgent, String user) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA1\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"" + user + "\"},\"eventTime\":\"2026-03-10T10:00:0" + n + "Z\","
        + "\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"" + name + "\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"" + userAgent + "\",\"requestParameters\":{\"name\":\"t\"},"
        + "\"responseElements\":null,\"requestID\":\"r" + n + "\",\"eventID\":\"e" + n + "\",\"readOnly\":false,"
        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}";
  }

  @BeforeEach
  void setUp() throws Exception {
    logs = dir.resolve("logs");
    Files.createDirectories(logs);
    String hostileUa = "=cmd|' /C calc'!A0\\u001b[2J\\u001b[31mpwned\\u202e";
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":[" + event(1, "StopLogging", hostileUa, "=HYPERLINK(1)")
        + "," + event(2, "DescribeTrails", "aws-cli/2", "bob") + "]}");
    rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("stop.yml"), """
        title: Trail stopped <script>alert(1)</script>
        id: 0f2a4c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b
        author: Jane Doe
        tags: [attack.defense-evasion, attack.t1562.008]
        logsource: {product: aws, service: cloudtrail}
        detection:
            selection:
                eventName: StopLogging
            condition: selection
        fields:
            - requestParameters.name
        level: high
        """);
  }

  private Cli.Result hunt(String... extra) {
    List<String> args = new ArrayList<>(List.of("hunt", logs.toString(), "--rules", rules.toString(), "--no-builtin"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void hunt_table_printsSummaryAndTableWithoutRawControlCharacters() {
    Cli.Result r = hunt();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Findings by level", "Top rules", "Trail stopped", "T1562.008", "StopLogging",
        "data reduction 50.00%", "Jane Doe");
    assertThat(r.out().chars().filter(c -> c == 0x1b || c == 0x202e)).isEmpty();
    assertThat(r.out()).contains("Time (UTC)");
  }

  @Test
  void hunt_jsonl_matchesTheDocumentedSchemaAndKeepsValuesVerbatim() throws Exception {
    Cli.Result r = hunt("--format", "jsonl");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(1);
    JsonObject f = (JsonObject) JsonTreeReader.lenient().read(lines.get(0));
    JsonObject schema = (JsonObject) JsonTreeReader.lenient().read(
        Files.readString(Path.of("..", "docs", "finding-schema.json")));
    Set<String> required = new TreeSet<>();
    ((List<?>) schema.get("required")).forEach(k -> required.add((String) k));
    Set<String> keys = new TreeSet<>();
    for (int i = 0; i < f.size(); i++) {
      keys.add(f.keyAt(i));
    }
    assertThat(keys).isEqualTo(required);
    assertThat(f.getString("schema")).isEqualTo("kumo.finding/1.3");
    assertThat(f.getString("user_agent")).isEqualTo("=cmd|' /C calc'!A0\u001b[2J\u001b[31mpwned\u202e");
    assertThat(f.getString("rule_author")).isEqualTo("Jane Doe");
    assertThat(f.getString("reason"))
        .isEqualTo("StopLogging (cloudtrail.amazonaws.com) by user/=HYPERLINK(1) from 203.0.113.9: name=t");
    assertThat(f.get("evidence").toString()).isEqualTo("[\"e1\"]");
    assertThat(f.get("attack_tactics").toString()).isEqualTo("[\"Defense Impairment\"]");
    assertThat(r.err()).contains("Findings by level"); // the summary moves to stderr
  }

  @Test
  void hunt_ocsf_writesOneDetectionFindingPerLineWithValuesVerbatim() throws Exception {
    Cli.Result r = hunt("--format", "ocsf");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(1);
    JsonObject f = (JsonObject) JsonTreeReader.lenient().read(lines.get(0));
    assertThat(((Number) f.get("class_uid")).intValue()).isEqualTo(2004);
    assertThat(((Number) f.get("type_uid")).intValue()).isEqualTo(200401);
    assertThat(((Number) f.get("severity_id")).intValue()).isEqualTo(4);
    JsonObject info = f.getObject("finding_info");
    assertThat(info.getString("title")).isEqualTo("Trail stopped <script>alert(1)</script>");
    assertThat(info.getObject("analytic").getString("uid")).isEqualTo("0f2a4c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
    JsonObject evidence = (JsonObject) ((List<?>) f.get("evidences")).get(0);
    assertThat(evidence.getObject("http_request").getString("user_agent"))
        .isEqualTo("=cmd|' /C calc'!A0\u001b[2J\u001b[31mpwned\u202e");
    assertThat(evidence.getObject("api").getString("operation")).isEqualTo("StopLogging");
    assertThat(f.getObject("unmapped").getObject("kumo").getString("rule_author")).isEqualTo("Jane Doe");
    assertThat(f.getObject("cloud").getObject("account").getString("uid")).isEqualTo("111122223333");
    assertThat(r.out().chars().filter(c -> c == 0x1b || c == 0x202e)).isEmpty(); // escaped in the JSON text
    assertThat(r.err()).contains("Findings by level"); // the summary moves to stderr
    assertThat(hunt("--format", "ocsf", "--threads", "2").out()).isEqualTo(r.out());
  }

  @Test
  void hunt_csv_neutralizesFormulasAndQuotes() {
    Cli.Result r = hunt("--format", "csv");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("time,level,rule_id,rule_title");
    assertThat(lines.get(1)).contains(",'=cmd|' /C calc'!A0").contains("arn:aws:iam::111122223333:user/=HYPERLINK(1)");
    assertThat(lines.get(1)).doesNotContain(",=cmd");
  }

  @Test
  void hunt_outputFileAndSummaryFile_areWritten() throws Exception {
    Path out = dir.resolve("f.jsonl");
    Path summary = dir.resolve("s.json");
    Cli.Result r = hunt("--format", "jsonl", "-o", out.toString(), "--summary", summary.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(1);
    JsonObject s = (JsonObject) JsonTreeReader.lenient().read(Files.readString(summary));
    assertThat(s.getString("schema")).isEqualTo("kumo.summary/1.1");
    assertThat(s.getObject("input").get("events")).isEqualTo(2L);
    assertThat(s.getObject("findings").getObject("by_level").get("high")).isEqualTo(1L);
    assertThat(r.out()).contains("Findings written to");
  }

  @Test
  void hunt_sameInputTwice_givesByteIdenticalFindings() {
    assertThat(hunt("--format", "jsonl", "--threads", "1").out()).isEqualTo(hunt("--format", "jsonl", "--threads", "2").out());
  }

  @Test
  void hunt_failOn_exitsTenWhenFindingsReachTheLevel() {
    assertThat(hunt("--fail-on", "high", "-q").exit()).isEqualTo(ExitCode.FINDINGS);
    assertThat(hunt("--fail-on", "critical", "-q").exit()).isEqualTo(ExitCode.OK);
  }

  @Test
  void hunt_missingPath_exitsNoInput() {
    Cli.Result r = Cli.run("hunt", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(r.err()).contains("no such file or folder");
  }

  @Test
  void hunt_badLevel_isUsageError() {
    Cli.Result r = hunt("--min-level", "severe");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("'severe' is not a level");
  }

  @Test
  void hunt_strictWithBadRecord_exitsBadInput() throws Exception {
    Files.writeString(logs.resolve("broken.jsonl"), "{not json\n");
    Cli.Result r = hunt("--strict");
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.out()).contains("Stopped early: --strict:").contains("broken.jsonl:1");
  }

  @Test
  void hunt_badRecordWithoutStrict_isCountedAndReported() throws Exception {
    Files.writeString(logs.resolve("broken.jsonl"), "{not json\n");
    Cli.Result r = hunt();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Skipped input  1 (malformed JSON 1)").contains("broken.jsonl:1 (record 1): malformed JSON");
  }

  @Test
  void hunt_brokenRule_isReportedAndOtherRulesStillRun() throws Exception {
    Files.writeString(rules.resolve("broken.yml"), "title: broken\nlogsource: {product: aws}\ndetection:\n"
        + "    sel:\n        eventName|nonsense: x\n    condition: sel\n");
    Cli.Result r = hunt("-q", "--format", "jsonl");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("broken.yml:5: error: unknown modifier 'nonsense'");
    assertThat(r.out().lines()).hasSize(1);
  }

  @Test
  void hunt_stdin_isRead() {
    java.io.InputStream old = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream((event(1, "StopLogging", "x", "a") + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Cli.Result r = Cli.run("hunt", "-", "--rules", rules.toString(), "--no-builtin", "--format", "jsonl", "-q");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("\"file\":\"-\"");
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void hunt_mutelist_suppressesCountsAndShowsOnRequest() throws Exception {
    Path mute = dir.resolve("mute.yml");
    Files.writeString(mute, """
        mutelist:
          - name: lab-trail-tests
            reason: the lab account stops its trail in tests
            owner: secops@example.com
            expires: 2099-12-31
            rules: ["Trail stopped*"]
            source_ip: 203.0.113.0/24
        """);
    Cli.Result hidden = hunt("--mutelist", mute.toString());
    assertThat(hidden.exit()).isZero();
    assertThat(hidden.out()).contains("1 suppressed by the mutelist (lab-trail-tests 1)", "No findings.");

    Cli.Result shown = hunt("--mutelist", mute.toString(), "--show-suppressed", "--format", "jsonl", "-q");
    assertThat(shown.out()).contains("\"suppressed_by\":\"lab-trail-tests\"");
  }

  @Test
  void hunt_brokenMutelist_isAUsageErrorNamingFileAndLine() throws Exception {
    Path mute = dir.resolve("mute.yml");
    Files.writeString(mute, "mutelist:\n  - name: x\n    rules: r\n");
    Cli.Result r = hunt("--mutelist", mute.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("mute.yml:2: every mutelist entry needs 'reason'");
  }

  @Test
  void hunt_tuningEntryNamingNoRule_warnsWithFileAndLine() throws Exception {
    Path tuning = dir.resolve("tuning.yml");
    Files.writeString(tuning, "tuning:\n  - rule: trail-stoped\n    action: disable\n    reason: typo\n");
    Cli.Result r = hunt("--tuning", tuning.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("warning: ", "tuning.yml:2", "tuning entry names no loaded rule");
  }
}
