package dev.kumo.cli;

import static dev.kumo.cli.PostureCommandTest.NOW;
import static dev.kumo.cli.PostureCommandTest.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadSpotsCommandTest {
  @TempDir
  Path dir;

  private static JsonObject spot(JsonObject report, String control) {
    JsonArray spots = (JsonArray) report.get("dead_spots");
    return spots.stream().map(JsonObject.class::cast).filter(s -> control.equals(s.getString("control")))
        .findFirst().orElseThrow(() -> new AssertionError("no dead spot " + control + " in " + report));
  }

  @Test
  void deadSpots_json_reportsThePublicBucketsUnderTheDataExposureControl() {
    Cli.Result r = Cli.run("dead-spots", "--inventory", SNAPSHOT, "--now", NOW, "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonObject report = (JsonObject) JsonTreeReader.lenient().read(r.out());
    assertThat(report.getString("schema")).isEqualTo("kumo.dead-spots/1");
    assertThat(report.getString("day")).isEqualTo("2026-11-26");
    JsonObject dsp = spot(report, "DSP-07");
    assertThat(dsp.get("reasons").toString()).contains("failing-evidence").contains("no-owner");
    assertThat(dsp.get("blind")).isEqualTo(true);
    assertThat(dsp.get("failing").toString()).contains("b-public-unlogged");
  }

  @Test
  void deadSpots_ownersAndExercise_changeTheReasons() throws Exception {
    Path owners = Files.writeString(dir.resolve("owners.yml"), "domains: {DSP: data-platform}\n");
    Path layer = Files.writeString(dir.resolve("navigator-layer.json"), """
        {"name":"drill","versions":{"layer":"4.5"},"domain":"enterprise-attack",
         "techniques":[{"techniqueID":"T1530","tactic":"collection","score":0,"comment":"missed"}]}""");
    Cli.Result r = Cli.run("dead-spots", "--inventory", SNAPSHOT, "--now", NOW, "--format", "json", "--owners",
        owners.toString(), "--exercise", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonObject dsp = spot((JsonObject) JsonTreeReader.lenient().read(r.out()), "DSP-07");
    assertThat(dsp.get("reasons").toString()).doesNotContain("no-owner");
    assertThat(dsp.get("owners").toString()).contains("data-platform");
    assertThat(dsp.get("missed").toString()).contains("T1530");
  }

  @Test
  void deadSpots_tableAndFiles_areWritten() throws Exception {
    Cli.Result table = Cli.run("dead-spots", "--inventory", SNAPSHOT, "--now", NOW, "--fail");
    assertThat(table.exit()).isEqualTo(ExitCode.FINDINGS);
    assertThat(table.out()).contains("DSP-07").contains("failing evidence");
    for (String format : new String[] {"markdown", "html", "csv"}) {
      Path out = dir.resolve("dead-spots." + format);
      assertThat(Cli.run("dead-spots", "--inventory", SNAPSHOT, "--now", NOW, "--format", format, "--output",
          out.toString()).exit()).isEqualTo(ExitCode.OK);
      assertThat(Files.readString(out)).contains("DSP-07");
    }
  }

  @Test
  void deadSpots_badOwnersFile_namesFileLineAndReason() throws Exception {
    Path owners = Files.writeString(dir.resolve("owners.yml"), "attestations:\n  - control: HRS-01\n    side: vendor\n");
    Cli.Result r = Cli.run("dead-spots", "--inventory", SNAPSHOT, "--owners", owners.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("owners.yml:").contains("side must be customer or provider");
  }

  @Test
  void deadSpots_listControls_showsOwnershipPerModel() {
    Cli.Result r = Cli.run("dead-spots", "--list-controls");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out().lines().skip(1).count()).isGreaterThanOrEqualTo(60);
    assertThat(r.out()).contains("IAAS").contains("LOG-03");
  }
}
