package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  @TempDir
  Path dir;

  private static final String RULE = """
      title: Console login without MFA
      id: 5a0c3b1e-1111-4222-8333-944455556666
      name: test_console_login_no_mfa
      tags: [attack.initial-access, attack.t1078.004]
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection:
              eventName: ConsoleLogin
              additionalEventData.MFAUsed: 'No'
          condition: selection
      level: medium
      """;

  private static String login(String mfa) {
    return "    event:\n      eventVersion: '1.09'\n      eventTime: '2026-03-10T10:00:00Z'\n"
        + "      eventSource: signin.amazonaws.com\n      eventName: ConsoleLogin\n      awsRegion: us-east-1\n"
        + "      additionalEventData: {MFAUsed: '" + mfa + "'}\n      eventID: e-" + mfa + "\n";
  }

  @Test
  void lint_goodRules_exitZeroWithRoutingReport() throws Exception {
    Files.writeString(dir.resolve("r.yml"), RULE);
    Cli.Result r = Cli.run("rules", "lint", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("1 rules loaded, 0 errors").contains("aws.cloudtrail: 1 rules (1 indexed");
  }

  @Test
  void lint_brokenRule_exitFiveWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve("bad.yml"), RULE.replace("condition: selection", "condition: selection and nope"));
    Cli.Result r = Cli.run("rules", "lint", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.RULES);
    assertThat(r.out()).contains("bad.yml:10: error: unknown search identifier 'nope'");
  }

  @Test
  void explain_showsConditionTreeAndIndex() throws Exception {
    Files.writeString(dir.resolve("r.yml"), RULE);
    Cli.Result r = Cli.run("rules", "explain", "test_console_login_no_mfa", "--rules", dir.toString(), "--no-builtin");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Console login without MFA", "routing:   aws.cloudtrail",
        "evaluated only on events whose eventName is one of [consolelogin]", "additionalEventData.MFAUsed equals 'No'",
        "T1078.004 Cloud Accounts");
  }

  @Test
  void test_passingAndFailingCases_reportedWithExitCode() throws Exception {
    Files.writeString(dir.resolve("r.yml"), RULE);
    Files.writeString(dir.resolve("r.tests.yml"), "rule: test_console_login_no_mfa\ncases:\n"
        + "  - name: no mfa\n    match: true\n" + login("No")
        + "  - name: with mfa\n    match: false\n" + login("Yes"));
    Cli.Result ok = Cli.run("rules", "test", dir.toString(), "--require-tests");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("2 cases in 1 test files: 2 passed, 0 failed");

    Files.writeString(dir.resolve("r.tests.yml"), "rule: test_console_login_no_mfa\ncases:\n"
        + "  - name: wrong expectation\n    match: true\n" + login("Yes"));
    Cli.Result bad = Cli.run("rules", "test", dir.toString(), "--require-tests");
    assertThat(bad.exit()).isEqualTo(ExitCode.RULES);
    assertThat(bad.out()).contains("FAIL").contains("wrong expectation — expected a match, got no match")
        .contains("UNTESTED").contains("no negative case");
  }

  @Test
  void help_listsEveryCommandWithAnExample() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    for (String cmd : new String[] {"hunt", "demo", "rules", "bench", "replay"}) {
      assertThat(r.out()).contains("  " + cmd + " ").contains("kumo " + cmd);
    }
  }

  @Test
  void explain_detector_printsWhatItDoesAndItsSettings() {
    Cli.Result r = Cli.run("rules", "explain", "kumo_aws_instance_credentials_used_outside");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("AWS EC2 Instance Credentials Used Outside the Cloud", "Java detector",
        "T1552.005", "episode-quiet = 1h");
  }

  @Test
  void hunt_settingsWithUnknownDetectorSetting_isAUsageError() throws Exception {
    Path settings = dir.resolve("settings.yml");
    Files.writeString(settings, "detectors:\n  kumo_aws_instance_credentials_used_outside:\n    episode-quiett: 5m\n");
    Cli.Result r = Cli.run("rules", "explain", "kumo_aws_instance_credentials_used_outside", "--settings",
        settings.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("has no setting 'episode-quiett'");
  }

  @Test
  void explain_fileDetector_saysItReadsFilesNotEvents() {
    Cli.Result r = Cli.run("rules", "explain", "kumo_aws_cloudtrail_log_integrity");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("runs in event time over the input files themselves (no events)");
  }

  @Test
  void explain_ruleDisabledByTuning_saysSoWithTheReason() throws Exception {
    Files.writeString(dir.resolve("r.yml"), RULE);
    Path tuning = dir.resolve("tuning.yml");
    Files.writeString(tuning, "tuning:\n  - rule: test_console_login_no_mfa\n    action: disable\n"
        + "    reason: noisy in the lab\n");
    Cli.Result r = Cli.run("rules", "explain", "test_console_login_no_mfa", "--rules", dir.toString(), "--tuning",
        tuning.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("is disabled by tuning", "tuning.yml:2", "noisy in the lab");
    Cli.Result untuned = Cli.run("rules", "explain", "test_console_login_no_mfa", "--rules", dir.toString());
    assertThat(untuned.exit()).isZero();
  }
}
