package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** kumo respond plan: text and JSON plans, the playbook list, and hostile values. */
class RespondPlanCommandTest {
  private static final String[] INSTANCE = {"plan", "--instance", "i-0abc1234def567890", "--account", "111122223333",
      "--region", "us-east-1", "--case-id", "case-7"};

  @TempDir
  Path dir;


  @Test
  void plan_text_numbersStepsWithEffectPreconditionsReversibilityMitigationAndCalls() {
    Cli.Result r = Cli.respond(INSTANCE);
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Plan plan-").contains("Compromised EC2 instance (compromised-instance, aws)")
        .contains("Targets: instance i-0abc1234def567890, account 111122223333, region us-east-1, case case-7")
        .contains(" 1. Record the instance's full state [preserve]")
        .contains("    mitigation:  M1047 Audit")
        .contains("    reversible:  no: Compliance-mode locks cannot be removed")
        .contains("    needs:       snapshot, copy-to-forensic, memory, check-image")
        .contains("      aws ec2 create-snapshots --instance-specification InstanceId=i-0abc1234def567890,"
            + "ExcludeBootVolume=false")
        .contains("  ${volumes}")
        .contains("Nothing was called. Kumo never terminates the compromised resource.")
        .doesNotContain("terminate-instances");
    assertThat(r.out().indexOf("[preserve]")).isLessThan(r.out().indexOf("[contain]"));
    assertThat(r.out().indexOf("Snapshot every volume")).isLessThan(r.out().indexOf("Redeploy from"));
  }

  @Test
  void plan_json_isVersionedAndDeterministic() {
    String[] args = concat(INSTANCE, "--format", "json");
    Cli.Result a = Cli.respond(args);
    Cli.Result b = Cli.respond(args);
    assertThat(a.exit()).isEqualTo(ExitCode.OK);
    assertThat(a.out()).isEqualTo(b.out());
    JsonObject json = (JsonObject) JsonTreeReader.lenient().read(a.out());
    assertThat(json.getString("schema")).isEqualTo("kumo.plan/1");
    assertThat(json.getString("playbook")).isEqualTo("compromised-instance");
    assertThat(a.out()).contains("\"effect\" : \"preserve\"", "\"cli\" : \"aws ec2 describe-instances");
  }

  @Test
  void plan_gcpProvider_printsGcloudCommands() {
    Cli.Result r = Cli.respond(concat(INSTANCE, "--provider", "gcp"));
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("gcloud compute disks snapshot ${disks}", "gcloud compute firewall-rules create",
        "Kumo executes AWS plans only");
  }

  @Test
  void plan_list_namesEveryShippedPlaybook() {
    Cli.Result r = Cli.respond("plan", "--list");
    assertThat(r.out()).contains("compromised-instance", "compromised-access-key", "compromised-workload-role",
        "s3-ransomware", "public-data-exposure", "cryptomining", "ddos-from-instances", "log-tampering");
  }

  @Test
  void plan_accessKey_picksTheKeyPlaybook() {
    Cli.Result r = Cli.respond("plan", "--access-key", "AKIAIOSFODNN7EXAMPLE", "--account", "111122223333");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("(compromised-access-key, aws)",
        "aws iam update-access-key --user-name ${user} --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive");
  }

  @Test
  void plan_missingTarget_isAUsageErrorNamingIt() {
    Cli.Result r = Cli.respond("plan", "--instance", "i-0abc1234def567890");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("playbook compromised-instance needs account, region");
  }

  @Test
  void plan_hostileInstanceId_isRefusedAndEscaped() {
    Cli.Result r = Cli.respond("plan", "--instance", "i-\u001b]0;pwned\u0007", "--account", "111122223333", "--region",
        "us-east-1");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("not a valid instance id: 'i-\\x1b]0;pwned\\x07'").doesNotContain("\u001b");
  }

  @Test
  void plan_hostilePlaybookFile_textIsEscaped() throws Exception {
    Path file = dir.resolve("evil.yaml");
    Files.writeString(file, """
        playbook: evil
        title: "Evil \\e[2J\\u202e title"
        threat: ransomware
        targets: [bucket]
        steps:
          - step: a
            title: "Look \\e[31mred"
            kind: describe-bucket
            effect: preserve
            does: "Reads \\x07"
            reversible: true
            how: Read-only.
            mitigation: M1047
        """);
    Cli.Result r = Cli.respond("plan", "--bucket", "my-bucket", "--playbook", file.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Evil \\x1b[2J\\u202e title", "Look \\x1b[31mred", "Reads \\x07")
        .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0007");
  }

  @Test
  void plan_brokenPlaybookFile_listsEveryProblemWithItsLine() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "playbook: bad\ntitle: B\nthreat: ransomware\ntargets: [bucket]\nsteps:\n"
        + "  - step: a\n    title: T\n    kind: reimage\n    effect: preserve\n    does: D\n    reversible: true\n"
        + "    how: H\n    mitigation: M1047\n");
    Cli.Result r = Cli.respond("plan", "--bucket", "my-bucket", "--playbook", file.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(file + ":8: unknown kind 'reimage'");
  }

  @Test
  void print_incidentTargets_hostileNotesAreEscaped() throws Exception {
    RespondPlanCommand cmd = new RespondPlanCommand();
    CommandLine cl = new CommandLine(cmd);
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    PlanTargets t = PlanTargets.fromIncident("case-9", List.of(), List.of(),
        List.of("i-0abc1234def567890", "x\u001b[8mhidden"), List.of("111122223333"), List.of("us-east-1"), null);
    assertThat(cmd.print(t, null, Provider.AWS, RespondPlanCommand.Format.text)).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("Note: resource not used by the plan: x\\x1b[8mhidden")
        .doesNotContain("\u001b");
  }

  @Test
  void plan_caseIncident_takesTheTargetsFromTheIncident_explicitOptionsWin() throws Exception {
    Path logs = dir.resolve("logs");
    Path caseDir = dir.resolve("case");
    Files.createDirectories(logs);
    String session = "arn:aws:sts::111122223333:assumed-role/web-role/i-0abc1234def567890";
    StringBuilder trail = new StringBuilder("{\"Records\":[");
    String[] calls = {"StopLogging", "DeleteTrail"};
    for (int i = 0; i < calls.length; i++) {
      trail.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":")
          .append("\"AssumedRole\",\"principalId\":\"P1\",\"arn\":\"").append(session).append("\",\"accountId\":")
          .append("\"111122223333\",\"accessKeyId\":\"ASIAIOSFODNN7EXAMPLE\"},\"eventTime\":\"2026-03-10T10:0")
          .append(i).append(":00Z\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"").append(calls[i])
          .append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"aws-cli/2\",")
          .append("\"requestParameters\":{\"name\":\"main\"},\"responseElements\":null,\"requestID\":\"r").append(i)
          .append("\",\"eventID\":\"e").append(i).append("\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",")
          .append("\"managementEvent\":true,\"recipientAccountId\":\"111122223333\"}");
    }
    Files.writeString(logs.resolve("trail.json"), trail.append("]}"));
    Cli.Result hunt = Cli.run("hunt", logs.toString(), "--case", caseDir.toString(), "-q", "--format", "jsonl",
        "--threads", "1");
    assertThat(hunt.exit()).as(hunt.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
    Incident inc;
    try (CaseQuery q = CaseQuery.open(caseDir)) {
      inc = q.incidents().stream().filter(i -> i.principals().contains(session)).findFirst().orElseThrow();
    }

    Cli.Result r = Cli.respond("plan", "--case", caseDir.toString(), "--incident", inc.id(), "--format", "json");
    Cli.Result image = Cli.respond("plan", "--case", caseDir.toString(), "--incident", inc.id(), "--image",
        "ami-0a1b2c3d", "--case-id", "case-7");
    Cli.Result unknown = Cli.respond("plan", "--case", caseDir.toString(), "--incident", "INC-000000000000");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonObject plan = (JsonObject) JsonTreeReader.lenient().read(r.out());
    assertThat(plan.getString("playbook")).isEqualTo("compromised-instance");
    JsonObject targets = plan.getObject("targets");
    assertThat(targets.getString("instance")).isEqualTo("i-0abc1234def567890");
    assertThat(targets.getString("role")).isEqualTo("arn:aws:iam::111122223333:role/web-role");
    assertThat(targets.getString("case_id")).isEqualTo(inc.id());
    assertThat(targets.getString("compromise_start")).isEqualTo(inc.firstSeen().toString());
    assertThat(image.out()).contains("case case-7", "image ami-0a1b2c3d");
    assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("no incident INC-000000000000");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
