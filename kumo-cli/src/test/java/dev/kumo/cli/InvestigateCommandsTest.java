package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * timeline, principals, incidents and report end to end on a small hand-written trail: alice's key
 * stops logging and assumes role deploy, whose session deletes a trail; bob only reads.
 */
class InvestigateCommandsTest {
  static final String HOSTILE = "<script>window.__pwned=1</script>\\u001b[31m\\\"onerror=x";
  static final String DEPLOY = "arn:aws:sts::111122223333:assumed-role/deploy/s1";

  @TempDir
  Path dir;
  Path caseDir;

  private static String record(int n, String type, String arn, String key, String source, String name,
      String request, String response, String userAgent) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"" + type + "\",\"principalId\":\"P" + n + "\","
        + "\"arn\":\"" + arn + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"" + key + "\"},"
        + "\"eventTime\":\"2026-03-10T10:0" + n + ":00Z\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"" + userAgent + "\","
        + "\"requestParameters\":" + request + ",\"responseElements\":" + response + ",\"requestID\":\"r" + n + "\","
        + "\"eventID\":\"e" + n + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\"}";
  }

  @BeforeEach
  void setUp() throws Exception {
    Path logs = dir.resolve("logs");
    caseDir = dir.resolve("case");
    Files.createDirectories(logs);
    String alice = "arn:aws:iam::111122223333:user/alice";
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":["
        + record(1, "IAMUser", alice, "AKIAALICE", "cloudtrail.amazonaws.com", "StopLogging", "{\"name\":\"main\"}",
            "null", HOSTILE) + ","
        + record(2, "IAMUser", alice, "AKIAALICE", "sts.amazonaws.com", "AssumeRole",
            "{\"roleArn\":\"arn:aws:iam::111122223333:role/deploy\",\"roleSessionName\":\"s1\"}",
            "{\"credentials\":{\"accessKeyId\":\"ASIADEPLOY1\"},\"assumedRoleUser\":{\"arn\":\"" + DEPLOY + "\"}}",
            "aws-cli/2") + ","
        + record(3, "AssumedRole", DEPLOY, "ASIADEPLOY1", "cloudtrail.amazonaws.com", "DeleteTrail",
            "{\"name\":\"main\"}", "null", "aws-cli/2") + ","
        + record(4, "IAMUser", "arn:aws:iam::111122223333:user/bob", "AKIABOB", "cloudtrail.amazonaws.com",
            "DescribeTrails", "{}", "null", "aws-cli/2") + "]}");
    Cli.Result r = Cli.run("hunt", logs.toString(), "--case", caseDir.toString(), "-q", "--format", "jsonl",
        "--threads", "1");
    assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
  }

  @Test
  void timeline_aliceKey_followsTheAssumedRoleToItsDeleteTrail() {
    Cli.Result r = Cli.run("timeline", caseDir.toString(), "--access-key", "AKIAALICE");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Then became:", "--AssumeRole from 203.0.113.9-->", "[ASIADEPLOY1]",
        "cloudtrail:DeleteTrail", "cloudtrail:StopLogging").doesNotContain("DescribeTrails", "\u001b[31m");
  }

  @Test
  void timeline_roleSessionKey_leadsBackToAlice() throws Exception {
    Cli.Result r = Cli.run("timeline", caseDir.toString(), "--session", "ASIADEPLOY1", "--format", "jsonl");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3).allSatisfy(InvestigateCommandsTest::assertJson);
    assertThat(lines.get(0)).contains("\"hop\":-1", "StopLogging");
    assertThat(lines.get(2)).contains("\"hop\":0", "DeleteTrail", "\"principal\":\"" + DEPLOY + "\"");
  }

  @Test
  void timeline_withoutOrWithTwoPivots_isAUsageError() {
    assertThat(Cli.run("timeline", caseDir.toString()).exit()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("timeline", caseDir.toString(), "--ip", "1.2.3.4", "--access-key", "X").exit())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void principals_listsEachPrincipalWithItsKeysAndFindings() {
    Cli.Result r = Cli.run("principals", caseDir.toString(), "--format", "csv");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("principal,principal_type,first_seen");
    assertThat(r.out()).contains("user/alice", DEPLOY, "user/bob", "AKIAALICE", "sts:AssumeRole (1)");
  }

  @Test
  void incidents_aliceAndHerRoleSession_areOneIncident() throws Exception {
    Cli.Result r = Cli.run("incidents", caseDir.toString(), "--format", "jsonl");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(1).allSatisfy(InvestigateCommandsTest::assertJson);
    assertThat(lines.get(0)).contains("\"schema\":\"kumo.incident/1\"", "\"event_id\":\"e1\"", "\"event_id\":\"e3\"",
        "joined by identity chain from arn:aws:iam::111122223333:user/alice",
        "role chain: arn:aws:iam::111122223333:user/alice -> AssumeRole -> " + DEPLOY);
    Cli.Result text = Cli.run("incidents", caseDir.toString(), "--no-color");
    assertThat(text.out()).startsWith("1 incident").contains("attack chain", "why grouped");
  }

  @Test
  void report_html_isWrittenWithTheIncidentAndNoLiveMarkup() throws Exception {
    Path html = dir.resolve("out/report.html");

    Cli.Result r = Cli.run("report", caseDir.toString(), "-o", html.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("INC-").doesNotContain("<script>window.__pwned");
    assertThat(Cli.run("report", caseDir.toString(), "-o", html.toString()).exit()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(html)).as("same case, same bytes").isEqualTo(page);
  }

  @Test
  void report_exports_writeEveryFindingInEachFormat() throws Exception {
    Cli.Result jsonl = Cli.run("report", caseDir.toString(), "--format", "jsonl");
    long findings = jsonl.out().lines().count();
    assertThat(findings).isPositive();

    Cli.Result ocsf = Cli.run("report", caseDir.toString(), "--format", "ocsf");
    assertThat(ocsf.out().lines().toList()).hasSize((int) findings)
        .allSatisfy(l -> assertThat(l).contains("\"class_uid\":2004"));
    for (String format : List.of("ocsf-json", "navigator", "stix")) {
      Cli.Result r = Cli.run("report", caseDir.toString(), "--format", format);
      assertThat(r.exit()).as(format + ": " + r.err()).isEqualTo(ExitCode.OK);
      assertJson(r.out());
    }
    assertThat(Cli.run("report", caseDir.toString(), "--format", "pdf").exit()).isEqualTo(ExitCode.USAGE);
  }

  private static void assertJson(String text) {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      while (p.nextToken() != null) {
        assertThat(p.currentToken()).isNotEqualTo(JsonToken.NOT_AVAILABLE);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text, e);
    }
  }
}
