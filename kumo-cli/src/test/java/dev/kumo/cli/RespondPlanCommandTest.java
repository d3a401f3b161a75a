package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
