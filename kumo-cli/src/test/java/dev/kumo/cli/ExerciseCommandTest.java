package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.report.ExerciseDocument;
import dev.kumo.exercise.report.ExerciseJsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCommandTest {
  @TempDir
  Path dir;

  private Path drill() throws Exception {
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve("trail.json"), "{\"Records\":[\n"
        + "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/a\","
        + "\"accountId\":\"111122223333\",\"userName\":\"a\"},\"eventTime\":\"2026-03-02T10:05:00Z\","
        + "\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli\",\"requestParameters\":{\"name\":\"main\"},"
        + "\"eventID\":\"e-1\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}\n]}\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("labels.jsonl"),
        "{\"schema\":\"kumo.labels/1\",\"event_id\":\"e-1\",\"source\":\"aws.cloudtrail\",\"time\":\"2026-03-02T10:05:00Z\","
            + "\"scenario\":\"blind\",\"step\":\"stop-trail\",\"technique\":\"T1562.008\",\"tactic\":\"defense-evasion\"}\n"
            + "{\"schema\":\"kumo.labels/1\",\"event_id\":\"f-1\",\"source\":\"aws.vpcflow\",\"time\":\"2026-03-02T10:06:00Z\","
            + "\"scenario\":\"blind\",\"step\":\"scan\",\"technique\":\"T1046\",\"tactic\":\"discovery\"}\n"
            + "not json\n", StandardCharsets.UTF_8);
    return logs;
  }

  @Test
  void exercise_labelledLogs_printsTableAndWritesReports() throws Exception {
    Path logs = drill();
    Path report = dir.resolve("aar");

    Cli.Result r = Cli.run("exercise", "--logs", logs.toString(), "--labels", dir.resolve("labels.jsonl").toString(),
        "--report", report.toString(), "--no-color", "--threads", "1");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("blind/stop-trail").contains("detected").contains("MISSED: log source absent")
        .contains("1 of 2 steps detected").contains("1 label line(s) skipped").doesNotContain("\u001b[");
    assertThat(report.resolve("exercise.md")).content().contains("| T1046 | blind/scan | aws.vpcflow | log source absent |");
    assertThat(report.resolve("exercise.html")).content().contains("<!DOCTYPE html>").contains("missed: log source absent");
    assertThat(report.resolve("navigator-layer.json")).content().contains("\"layer\" : \"4.5\"")
        .contains("\"techniqueID\" : \"T1046\"");
    ExerciseDocument json = new ExerciseJsonReader().read(report.resolve("exercise.json"));
    assertThat(json.seed()).isNull();
    assertThat(json.result().steps()).extracting(s -> s.step().key() + " " + s.outcome())
        .containsExactly("blind/stop-trail detected", "blind/scan missed: log source absent");
    assertThat(r.out()).contains("exercise.json");
  }

  @Test
  void exercise_jsonFormatWithoutReport_printsKumoExercise() throws Exception {
    Path logs = drill();

    Cli.Result r = Cli.run("exercise", "--logs", logs.toString(), "--labels", dir.resolve("labels.jsonl").toString(),
        "--format", "json", "--threads", "1");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(new ExerciseJsonReader().read(r.out(), "stdout").result().detected()).isEqualTo(1);
  }

  @Test
  void exercise_jsonFormatWithReport_writesOnlyExerciseJson() throws Exception {
    Path logs = drill();
    Path report = dir.resolve("aar");

    Cli.Result r = Cli.run("exercise", "--logs", logs.toString(), "--labels", dir.resolve("labels.jsonl").toString(),
        "--format", "json", "--report", report.toString(), "--threads", "1");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    try (var files = Files.list(report)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("exercise.json");
    }
  }

  @Test
  void exercise_navigatorFormatWithoutReport_printsLayer() throws Exception {
    Path logs = drill();

    Cli.Result r = Cli.run("exercise", "--logs", logs.toString(), "--labels", dir.resolve("labels.jsonl").toString(),
        "--format", "navigator", "--threads", "1");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("{").contains("\"domain\" : \"enterprise-attack\"");
  }

  @Test
  void exercise_missingLogs_exitsNoInput() throws Exception {
    drill();
    Cli.Result r = Cli.run("exercise", "--logs", dir.resolve("nope").toString(), "--labels",
        dir.resolve("labels.jsonl").toString());

    assertThat(r.exit()).isEqualTo(ExitCode.NO_INPUT);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void exercise_withoutLogsOrScenario_isUsageError() {
    Cli.Result r = Cli.run("exercise");

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--logs DIR and --labels FILE");
  }

  @Test
  void exercise_scenario_simulatesScoresAndReportsEveryStep(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("exercise", "--scenario", "log-tampering", "--seed", "7", "--report", dir.toString(),
        "--no-color");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("stop-trail", "delete-flow-logs", "disable-guardduty");
    assertThat(java.nio.file.Files.readString(dir.resolve("exercise.md"))).contains("log-tampering");
    ExerciseDocument json = new ExerciseJsonReader().read(dir.resolve("exercise.json"));
    assertThat(json.seed()).isEqualTo(7L);
    assertThat(json.result().scenarios()).extracting(s -> s.id()).containsExactly("log-tampering");
  }

  @Test
  void exercise_unknownScenario_isUsageError() {
    Cli.Result r = Cli.run("exercise", "--scenario", "no-such-scenario");

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("no scenario 'no-such-scenario'");
  }
}
