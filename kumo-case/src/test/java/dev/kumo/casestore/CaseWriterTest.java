package dev.kumo.casestore;

import dev.kumo.detect.LoadedRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.incident.Incident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads of simulated logs (a day of background activity with the S3 ransomware attack) into cases. */
class CaseWriterTest {
  @TempDir
  static Path shared;
  static Path logs;

  @TempDir
  Path dir;

  @BeforeAll
  static void simulate() throws IOException {
    logs = SimulatedCase.simulate(List.of(dev.kumo.simulate.scenario.ScenarioLibrary.byId("s3-ransomware")
        .orElseThrow().withStart(java.time.Duration.ofHours(20))), 3, 2, shared);
  }

  private static long count(Path caseDir, String sql) throws IOException {
    try (CaseQuery q = CaseQuery.open(caseDir)) {
      return ((Number) q.rows(sql, List.of()).get(0).get(0)).longValue();
    }
  }

  @Test
  void finish_sameLogsTwice_addsNothingTheSecondTime() throws IOException {
    LoadStats first = SimulatedCase.hunt(logs, dir);
    List<Incident> incidents;
    try (CaseQuery q = CaseQuery.open(dir)) {
      incidents = q.incidents();
    }
    long strings = count(dir, "SELECT count(*) FROM strings");
    long lists = count(dir, "SELECT count(*) FROM resource_lists");

    LoadStats second = SimulatedCase.hunt(logs, dir);

    assertThat(first.eventsAdded()).isEqualTo(first.eventsSeen()).isPositive();
    assertThat(first.findingsAdded()).isPositive();
    assertThat(first.linksAdded()).isPositive();
    assertThat(second.eventsSeen()).isEqualTo(first.eventsSeen());
    assertThat(second.eventsAdded()).isZero();
    assertThat(second.findingsAdded()).isZero();
    assertThat(second.linksAdded()).isZero();
    assertThat(count(dir, "SELECT count(*) FROM events")).isEqualTo(first.eventsAdded());
    assertThat(count(dir, "SELECT count(*) - count(DISTINCT id) FROM events")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM findings")).isEqualTo(first.findingsAdded());
    assertThat(count(dir, "SELECT count(*) FROM strings")).isEqualTo(strings).isPositive();
    assertThat(count(dir, "SELECT count(*) FROM resource_lists")).isEqualTo(lists).isPositive();
    assertThat(count(dir, "SELECT count(*) FROM loads WHERE finished IS NOT NULL")).isEqualTo(2);
    try (CaseQuery q = CaseQuery.open(dir)) {
      assertThat(q.incidents()).isNotEmpty().isEqualTo(incidents);
    }
  }

  @Test
  void finish_partThenAll_addsOnlyWhatIsNew() throws IOException {
    Path part = logs.resolve("AWSLogs");
    LoadStats first = SimulatedCase.hunt(List.of(part), dir, new ArrayList<>(), true);
    LoadStats all = SimulatedCase.hunt(List.of(logs), dir, new ArrayList<>(), true);

    assertThat(first.eventsAdded()).isPositive();
    assertThat(all.eventsAdded()).isEqualTo(all.eventsSeen() - first.eventsSeen());
    assertThat(count(dir, "SELECT count(*) FROM events")).isEqualTo(all.eventsSeen());
    assertThat(count(dir, "SELECT count(*) FROM events WHERE file IS NULL")).isZero();
    assertThat(count(dir, "SELECT count(*) - count(DISTINCT string_id) FROM strings")).isZero();
  }

  @Test
  void finish_sameFolderTwiceInOneLoad_storesEachEventOnce() throws IOException {
    LoadStats twice = SimulatedCase.hunt(List.of(logs, logs), dir, new ArrayList<>(), true);

    assertThat(twice.eventsAdded()).isEqualTo(count(dir, "SELECT count(DISTINCT id) FROM events"));
    assertThat(count(dir, "SELECT count(*) - count(DISTINCT id) FROM events")).isZero();
  }

  @Test
  void findings_readBack_equalTheHuntsFindings() throws IOException {
    List<Finding> hunted = new ArrayList<>();
    SimulatedCase.hunt(List.of(logs), dir, hunted, true);
    hunted.sort(FindingOrder.ORDER);

    try (CaseQuery q = CaseQuery.open(dir)) {
      assertThat(q.findings()).isNotEmpty().isEqualTo(hunted);
    }
  }

  @Test
  void close_withoutFinish_leavesNoRowsAndForgetsTheLoad() throws Exception {
    SimulatedCase.hunt(List.of(logs), dir, new ArrayList<>(), false);
    assertThat(count(dir, "SELECT count(*) FROM events")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM loads")).isZero();

    LoadStats next = SimulatedCase.hunt(logs, dir);

    assertThat(next.eventsAdded()).isEqualTo(next.eventsSeen()).isPositive();
    assertThat(count(dir, "SELECT count(*) FROM loads")).isEqualTo(1);
    assertThat(count(dir, "SELECT min(load_id) FROM events")).isEqualTo(next.loadId());
  }

  @Test
  void open_rowsOfAnUnfinishedLoad_areRemoved() throws Exception {
    SimulatedCase.hunt(logs, dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO loads (load_id, started) VALUES (7, now()::TIMESTAMP)");
      s.execute("INSERT INTO event_rows SELECT * REPLACE ('orphan-' || id AS id, 7 AS load_id) FROM event_rows LIMIT 5");
      s.execute("INSERT INTO strings VALUES (1000000, 'orphan-value', 7)");
    }

    try (CaseWriter w = CaseWriter.open(dir)) {
      w.finish();
    }

    assertThat(count(dir, "SELECT count(*) FROM events WHERE id LIKE 'orphan-%'")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM strings WHERE value = 'orphan-value'")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM loads WHERE finished IS NULL")).isZero();
  }

  @Test
  void finish_keepRaw_storesTheWholeRecordElseOnlyItsParameters() throws IOException {
    SimulatedCase.hunt(logs, dir);
    Path raw = dir.resolve("raw");
    SimulatedCase.hunt(List.of(logs), raw, new ArrayList<>(), true, new CaseOptions(true,
        dev.kumo.incident.GroupingOptions.DEFAULTS));

    assertThat(count(dir, "SELECT count(raw) FROM events")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM events WHERE source = 'aws.cloudtrail' AND"
        + " json_extract_string(params, '$.requestParameters') IS NULL AND json_extract_string(params,"
        + " '$.responseElements') IS NULL AND params IS NOT NULL")).isZero();
    assertThat(count(dir, "SELECT count(*) FROM events WHERE operation = 'AssumeRole' AND"
        + " json_extract_string(params, '$.responseElements.credentials.accessKeyId') LIKE 'ASIA%'")).isPositive();
    assertThat(count(raw, "SELECT count(*) FROM events WHERE raw IS NULL")).isZero();
    assertThat(count(raw, "SELECT count(*) FROM events WHERE source = 'aws.cloudtrail'"
        + " AND json_extract_string(raw, '$.eventID') = id")).isEqualTo(count(raw,
        "SELECT count(*) FROM events WHERE source = 'aws.cloudtrail'"));
  }

  @Test
  void open_caseOfAnotherSchemaVersion_isRefused() throws Exception {
    try (CaseWriter w = CaseWriter.open(dir)) {
      w.finish();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("UPDATE meta SET schema_version = 99");
    }

    assertThatThrownBy(() -> CaseWriter.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("schema version 99");
  }

  @Test
  void open_fileThatIsNotACase_isRefusedWithTheReason() throws Exception {
    Files.writeString(CaseSchema.file(dir), "not a database");

    assertThatThrownBy(() -> CaseWriter.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot open case");
  }

  @Test
  void openOnSharedDatabase_loadsBesideAReaderKeepsTheDatabaseOpenAndReportsOnlyNewFindings() throws Exception {
    java.nio.file.Files.createDirectories(dir);
    LoadedRules rules = LoadedRules.load(true, List.of(), dev.kumo.sigma.compile.CompileOptions.defaults());
    try (org.duckdb.DuckDBConnection db = (org.duckdb.DuckDBConnection) DriverManager.getConnection(
        "jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath())) {
      CaseWriter.prepare(db);
      LoadStats first;
      // a reader in the middle of a transaction: the load still finishes (DuckDB cannot checkpoint then)
      try (Connection reader = db.duplicate(); Statement s = reader.createStatement()) {
        s.execute("BEGIN TRANSACTION READ ONLY");
        s.executeQuery("SELECT count(*) FROM events").close();
        first = huntShared(db, rules);
        s.execute("COMMIT");
      }
      LoadStats second = huntShared(db, rules);

      try (CaseQuery q = CaseQuery.of(db.duplicate())) {
        assertThat(first.findingsAdded()).isPositive();
        assertThat(q.findings(first.loadId())).hasSize((int) first.findingsAdded());
        assertThat(second.eventsAdded()).isZero();
        assertThat(q.findings(second.loadId())).isEmpty();
        assertThat(q.rows("SELECT count(*) FROM events", List.of()).get(0).get(0))
            .isEqualTo(first.eventsAdded());
      }
      assertThat(db.isClosed()).isFalse();
    }
  }

  private static LoadStats huntShared(org.duckdb.DuckDBConnection db, LoadedRules rules) throws IOException {
    try (CaseWriter w = CaseWriter.open(db, CaseOptions.DEFAULTS);
        dev.kumo.hunt.HuntResult r = new dev.kumo.hunt.Hunter(rules.engine(), dev.kumo.ingest.LogSources.defaults(),
            dev.kumo.hunt.HuntOptions.defaults(), java.time.Clock.systemUTC(), w)
            .run(dev.kumo.ingest.Inputs.expand(List.of(logs)).files(), new dev.kumo.ingest.Progress())) {
      java.util.Iterator<dev.kumo.finding.Finding> it = r.findings();
      while (it.hasNext()) {
        w.finding(it.next());
      }
      return w.finish();
    }
  }
}
