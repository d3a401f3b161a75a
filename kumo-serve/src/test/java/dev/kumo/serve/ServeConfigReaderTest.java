package dev.kumo.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.serve.reports.ReportsConfig;
import dev.kumo.serve.web.WebConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeConfigReaderTest {
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @TempDir
  Path dir;

  @Test
  void read_everySection_isTypedWithPathsFromTheFilesFolder() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        ingest:
          push_tokens_sha256: [%s]
          max_batch_events: 5000
          watch: [{path: incoming, interval: 5s, recursive: false}]
          sqs:
            - {queue_url: 'https://sqs.eu-west-1.amazonaws.com/111122223333/trail', region: eu-west-1,
               endpoint: 'http://127.0.0.1:4566', wait_seconds: 10, visibility_timeout: 2m}
        outputs:
          - {type: syslog, name: siem, host: 127.0.0.1, port: 6514, tls: false}
        """.formatted(SHA));
    ServeConfig c = ServeConfigReader.read(yml);
    assertThat(c.stateDir()).isEqualTo(dir.resolve("state"));
    assertThat(c.caseDir()).isEqualTo(dir.resolve("state").resolve("case"));
    assertThat(c.web().stateDir()).isEqualTo(c.stateDir());
    assertThat(c.web().usersFile()).isEqualTo(dir.resolve("users.yml"));
    assertThat(c.push().tokenSha256()).containsExactly(SHA);
    assertThat(c.push().maxBatchEvents()).isEqualTo(5000);
    assertThat(c.watch()).singleElement().satisfies(w -> {
      assertThat(w.dir()).isEqualTo(dir.resolve("incoming"));
      assertThat(w.interval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(w.recursive()).isFalse();
    });
    assertThat(c.sqs()).singleElement().satisfies(q -> {
      assertThat(q.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
      assertThat(q.waitSeconds()).isEqualTo(10);
      assertThat(q.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
    });
    assertThat(c.outputs()).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("siem"));
  }

  @Test
  void read_problemsInSeveralSections_areAllReportedWithTheirLines() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0}
        ingest:
          push_tokens_sha256: [hunter2]
          sqs: [{region: eu-west-1}]
        outputs:
          - {type: pigeon, name: coop}
        """);
    assertThatThrownBy(() -> ServeConfigReader.read(yml)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("serve.yml:4: a push token must be given as its SHA-256")
        .hasMessageContaining("missing 'queue_url'")
        .hasMessageContaining("serve.yml:7:")
        .hasMessageContaining("users_file");
  }

  @Test
  void ingestStream_isTypedAndDefaults_badValuesAreReportedWithTheirLines() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: u.yml}
        ingest:
          stream: {out_of_orderness: 5m, idle_close: 2h, advance_every: 10s, replay: 30m, replay_max_bytes: 64MiB}
        """);
    Path plain = Files.writeString(dir.resolve("plain.yml"), "state_dir: state\nweb: {port: 0, users_file: u.yml}\n");
    Path bad = Files.writeString(dir.resolve("bad.yml"), """
        state_dir: state
        web: {port: 0, users_file: u.yml}
        ingest:
          stream:
            idle_close: soon
            replay_max_bytes: lots
            watermark: 1m
        """);

    assertThat(ServeConfigReader.read(yml).stream()).isEqualTo(new dev.kumo.serve.ingest.StreamConfig(
        java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(2), java.time.Duration.ofSeconds(10),
        java.time.Duration.ofMinutes(30), 64L << 20));
    assertThat(ServeConfigReader.read(plain).stream()).isEqualTo(dev.kumo.serve.ingest.StreamConfig.defaults());
    assertThatThrownBy(() -> ServeConfigReader.read(bad)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("bad.yml:5:").hasMessageContaining("bad.yml:6:").hasMessageContaining("watermark");
  }

  @Test
  void exercises_defaultsToStateDir_orTakesDirFromTheFilesFolder() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.yml"), "state_dir: state\nweb: {port: 0, users_file: u.yml}\n");
    Path set = Files.writeString(dir.resolve("set.yml"), """
        state_dir: state
        web: {port: 0, users_file: u.yml}
        exercises:
          dir: drills
        """);

    assertThat(ServeConfigReader.read(plain).exercises().dir()).isEqualTo(dir.toAbsolutePath().resolve("state/exercises"));
    assertThat(ServeConfigReader.read(set).exercises().dir()).isEqualTo(dir.toAbsolutePath().resolve("drills"));
  }

  @Test
  void exercises_unknownKeyOrNotAMap_isReportedWithItsLine() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: u.yml}
        exercises:
          folder: drills
        """);
    Path notMap = Files.writeString(dir.resolve("bad.yml"), """
        state_dir: state
        web: {port: 0, users_file: u.yml}
        exercises: drills
        """);

    assertThatThrownBy(() -> ServeConfigReader.read(yml)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("serve.yml:4:").hasMessageContaining("folder");
    assertThatThrownBy(() -> ServeConfigReader.read(notMap)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("bad.yml:3: 'exercises' must be a map with 'dir'");
  }

  @Test
  void reports_pathsAreTakenFromTheFilesFolder_bothOptional() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        reports:
          posture: reports/posture.jsonl
          dead_spots: /srv/kumo/dead-spots.json
        """);
    ServeConfig c = ServeConfigReader.read(yml);
    assertThat(c.reports().posture()).isEqualTo(dir.resolve("reports/posture.jsonl"));
    assertThat(c.reports().deadSpots()).isEqualTo(Path.of("/srv/kumo/dead-spots.json"));

    Files.writeString(yml, """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        reports: {posture: posture.jsonl}
        """);
    assertThat(ServeConfigReader.read(yml).reports().deadSpots()).isNull();
  }

  @Test
  void reports_absent_isNone() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        """);
    assertThat(ServeConfigReader.read(yml).reports()).isEqualTo(ReportsConfig.none());
  }

  @Test
  void reports_unknownKeyOrNotAMap_isReportedWithItsLine() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        reports:
          posture: posture.jsonl
          findings: findings.jsonl
        """);
    assertThatThrownBy(() -> ServeConfigReader.read(yml)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("serve.yml:5: unknown key 'findings'");

    Files.writeString(yml, """
        state_dir: state
        web: {port: 0, users_file: users.yml}
        reports: posture.jsonl
        """);
    assertThatThrownBy(() -> ServeConfigReader.read(yml)).isInstanceOf(WebConfigException.class)
        .hasMessageContaining("serve.yml:3: 'reports' must be a map");
  }
}
