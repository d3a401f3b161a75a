package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostureCommandTest {
  /** Two public buckets in real AWS Config snapshot form; a trail records S3 data events for one of them. */
  static final String SNAPSHOT = Path.of("../kumo-posture/src/test/resources/posture/ranking/config-snapshot.json")
      .toAbsolutePath().normalize().toString();
  static final String NOW = "2026-11-26T12:00:00Z";

  @TempDir
  Path dir;

  @Test
  void posture_table_ranksTheUnloggedPublicBucketFirst() {
    Cli.Result r = Cli.run("posture", "--inventory", SNAPSHOT, "--now", NOW);
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    String unlogged = r.out().lines().filter(l -> l.contains("aws-s3-bucket-public-read")
        && l.contains("b-public-unlogged")).findFirst().orElseThrow();
    String logged = r.out().lines().filter(l -> l.contains("aws-s3-bucket-public-read")
        && l.contains("a-public-logged")).findFirst().orElseThrow();
    assertThat(r.out().indexOf(unlogged)).isLessThan(r.out().indexOf(logged));
    assertThat(unlogged).contains("blind: not logged");
    assertThat(logged).contains("watched");
    assertThat(r.err()).contains("3 resources").contains("0 input problem(s)");
  }

  @Test
  void posture_json_writesEveryResultWithSchemaAndRank() {
    Cli.Result r = Cli.run("posture", "--inventory", SNAPSHOT, "--now", NOW, "--format", "json");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    List<JsonObject> lines = r.out().lines().map(l -> (JsonObject) JsonTreeReader.lenient().read(l)).toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.getString("schema")).isEqualTo("kumo.posture/1"));
    JsonObject first = lines.get(0);
    assertThat(first.get("rank")).isEqualTo(1L);
    assertThat(first.getString("visibility")).isEqualTo("blind");
    assertThat(lines).anySatisfy(l -> assertThat(l.getString("status")).isEqualTo("pass"));
    assertThat(lines).filteredOn(l -> "aws-s3-bucket-public-read".equals(l.getString("check")))
        .allSatisfy(l -> assertThat(l.getString("command")).startsWith("aws s3api put-public-access-block"));
  }

  @Test
  void posture_mutelist_mutesTheAcceptedRiskAndCsvCarriesTheCommand() throws Exception {
    Path mutes = Files.writeString(dir.resolve("accepted.yml"), """
        mutelist:
          - name: website
            reason: public website bucket, reviewed
            owner: web-team
            expires: 2027-06-30
            rules: [aws-s3-bucket-public-read]
            resource: [b-public-unlogged]
        """);
    Cli.Result json = Cli.run("posture", "--inventory", SNAPSHOT, "--now", NOW, "--format", "json", "--mutelist",
        mutes.toString());
    assertThat(json.exit()).as(json.err()).isEqualTo(ExitCode.OK);
    JsonObject muted = json.out().lines().map(l -> (JsonObject) JsonTreeReader.lenient().read(l))
        .filter(l -> "aws-s3-bucket-public-read".equals(l.getString("check"))
            && ((JsonObject) l.get("resource")).getString("name").equals("b-public-unlogged"))
        .findFirst().orElseThrow();
    assertThat(muted.getString("status")).isEqualTo("muted");
    assertThat(muted.has("rank")).isFalse();
    Cli.Result csv = Cli.run("posture", "--inventory", SNAPSHOT, "--now", NOW, "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith("benchmarks,remediation,command");
    assertThat(csv.out()).contains("aws s3api put-public-access-block --bucket b-public-unlogged");
  }

  @Test
  void posture_failOnCritical_exitsWithFindings() {
    assertThat(Cli.run("posture", "--inventory", SNAPSHOT, "--now", NOW, "--fail-on", "critical").exit())
        .isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void posture_listChecks_listsAtLeastSixtyAcrossThreeClouds() {
    Cli.Result r = Cli.run("posture", "--list-checks");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    List<String> rows = r.out().lines().skip(1).toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
    assertThat(rows).anyMatch(l -> l.startsWith("aws-")).anyMatch(l -> l.startsWith("azure-"))
        .anyMatch(l -> l.startsWith("gcp-"));
  }

  @Test
  void posture_nothingReadable_exitsNoInput() throws Exception {
    Path notInventory = Files.writeString(dir.resolve("trail.json"), "{\"Records\":[]}");
    Cli.Result r = Cli.run("posture", "--inventory", notInventory.toString(), "--inventory",
        dir.resolve("missing.json").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(r.err()).contains("trail.json: not a known inventory export").contains("no such file or folder");
  }

  @Test
  void posture_withoutInventory_isUsageError() {
    assertThat(Cli.run("posture").exit()).isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("posture", "--inventory", SNAPSHOT, "--inventory-format", "excel").exit())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void posture_hostileNames_areEscapedForEveryMedium() throws Exception {
    String name = "<script>alert(1)</script>\\u001b[2J=HYPERLINK(\\\"x\\\")";
    Path panther = Files.writeString(dir.resolve("snap.json"), """
        [{"ResourceType":"AWS.S3.Bucket","ResourceId":"arn:aws:s3:::evil","AccountId":"111122223333",
          "Region":"eu-west-1","Name":"%s","Grants":[{"Grantee":{"URI":"http://acs.amazonaws.com/groups/global/AllUsers",
          "Type":"Group"},"Permission":"READ"}],"Policy":null,"PublicAccessBlockConfiguration":null,
          "Versioning":null,"MFADelete":null,"EncryptionRules":null,"LoggingPolicy":null,"LifecycleRules":null}]
        """.formatted(name));
    Cli.Result table = Cli.run("posture", "--inventory", panther.toString(), "--now", NOW);
    assertThat(table.out()).contains("<script>").doesNotContain("\u001b");
    Path html = dir.resolve("r.html");
    assertThat(Cli.run("posture", "--inventory", panther.toString(), "--format", "html", "--output", html.toString())
        .exit()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(html)).doesNotContain("<script>").contains("&lt;script&gt;")
        .contains("Content-Security-Policy");
    Cli.Result csv = Cli.run("posture", "--inventory", panther.toString(), "--format", "csv");
    assertThat(csv.out().lines().skip(1)).allSatisfy(l -> assertThat(l).doesNotContain(",=HYPERLINK"));
  }
}
