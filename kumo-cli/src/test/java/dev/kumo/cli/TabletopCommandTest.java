package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabletopCommandTest {
  @TempDir
  Path dir;

  private static final String ANSWERS = """
      tabletop: ransomware-s3
      team:
        - {name: Aiko, role: incident-commander}
        - {name: Ben, role: cloud-engineer}
      injects:
        first-alert:
          at: 2026-03-10T02:12:00Z
          owners: [incident-commander, cloud-engineer]
          actions:
            - open-case
            - {do: "Disable the key and revoke its sessions", owner: cloud-engineer}
        backups-deleted:
          owners: [cloud-engineer]
          actions:
            - emergency-scp
            - "Terminate the build runner <script>alert(1)</script>"
        recovery:
          owners: [cloud-engineer, incident-commander]
          actions: [restore-locked, lessons]
      """;

  private static Cli.Result withStdin(String script, String... args) {
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
      return Cli.run(args);
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void run_shippedScenarioFromAnswersFile_writesReports() throws Exception {
    Path answers = dir.resolve("answers.yml");
    Files.writeString(answers, ANSWERS);
    Path out = dir.resolve("aar");
    Cli.Result r = Cli.run("tabletop", "run", "ransomware-s3", "--answers", answers.toString(), "--report",
        out.toString(), "--format", "both");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Tabletop ransomware-s3: score 13 / 37 (35%)", "ransomware-s3-aar.md",
        "harmful: Terminate the build-runner now");
    String md = Files.readString(out.resolve("ransomware-s3-aar.md"));
    assertThat(md).contains("# After-action report: Ransomware on S3", "## What went well",
        "Disable the ci-deployer access key", "## Missed decisions",
        "[docs/playbooks/ransomware.md#snapshot-volumes](docs/playbooks/ransomware.md#snapshot-volumes)",
        "terminating destroys memory and instance-store evidence", "## Owners missing", "`soc-analyst`",
        "## Improvement plan", "played 2026-03-10T02:12:00Z");
    String html = Files.readString(out.resolve("ransomware-s3-aar.html"));
    assertThat(html).contains("<h2>Missed decisions</h2>").doesNotContain("<script>");
  }

  @Test
  void run_interactiveStdinScript_scoresLikeItsSavedAnswersFile() throws Exception {
    Path saved = dir.resolve("saved.yml");
    String script = "Aiko: incident-commander\n\n" + "1,2,3\nincident-commander\ncloud-engineer\n\n"
        + "snapshot every volume first\ncloud-engineer\n\nincident-commander\n";
    Cli.Result live = withStdin(script, "tabletop", "run", "ransomware-s3", "--save-answers", saved.toString(),
        "--seed", "3");
    assertThat(live.exit()).as(live.err()).isZero();
    assertThat(live.out()).contains("--- [+0m] Inject 1/4: Mass S3 rewrites", "choose (numbers",
        "(end of input", "Answers saved:");
    String liveScore = live.out().lines().filter(l -> l.startsWith("Tabletop ransomware-s3: score")).findFirst()
        .orElseThrow();
    Cli.Result replay = Cli.run("tabletop", "run", "ransomware-s3", "--answers", saved.toString(), "--report",
        dir.resolve("r").toString(), "--format", "markdown");
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.out()).contains(liveScore);
    assertThat(Files.readString(saved)).contains("tabletop: \"ransomware-s3\"", "snapshot every volume first");
  }

  @Test
  void list_showsEveryShippedTabletop() {
    Cli.Result r = Cli.run("tabletop", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ransomware-s3", "app-exploitation-ssrf", "misconfiguration-public-bucket",
        "upstream-movement-ssm", "data-theft-snapshot-share", "cryptomining-billing-spike",
        "attack-infrastructure-ddos");
  }

  @Test
  void show_printsInjectsDecisionsAndPlaybookLinks() {
    Cli.Result r = Cli.run("tabletop", "show", "cryptomining-billing-spike");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("[+30m] instances", "terminate-miners (cloud-engineer, 4, after snapshot-one)",
        "docs/playbooks/cryptomining.md#check-all-regions", "why not:");
  }

  @Test
  void validate_shippedAndBrokenFiles_namesFileAndReasonWithUsageExit() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, """
        id: bad
        title: Bad
        threat: ransomware
        summary: x
        roles: [{name: soc-analyst, description: d}]
        objectives: [o]
        injects:
          - id: one
            at: +0m
            title: t
            text: t
            decisions:
              - {id: d1, text: t, owner: cfo, weight: 1, playbook: docs/playbooks/ransomware.md#open-case}
        """);
    Cli.Result r = Cli.run("tabletop", "validate", bad.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).contains("bad.yml:13: injects[0].decisions[0].owner: unknown role 'cfo'");
  }

  @Test
  void validate_missingFile_exitNoInput() {
    assertThat(Cli.run("tabletop", "validate", dir.resolve("nope.yml").toString()).exit())
        .isEqualTo(ExitCode.NO_INPUT);
  }

  @Test
  void run_unknownTabletop_exitNoInput() {
    Cli.Result r = Cli.run("tabletop", "run", "no-such-exercise", "--answers", "x.yml");
    assertThat(r.exit()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(r.err()).contains("kumo tabletop list");
  }
}
