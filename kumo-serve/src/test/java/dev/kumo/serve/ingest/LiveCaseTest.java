package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import dev.kumo.detect.LoadedRules;
import dev.kumo.sigma.compile.CompileOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCaseTest {
  @TempDir
  Path tmp;

  private static long count(CaseQuery q, String sql) throws IOException {
    return ((Number) q.rows(sql, List.of()).get(0).get(0)).longValue();
  }

  @Test
  void open_newFolder_createsAnEmptyCaseReadersCanQuery() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case")); CaseQuery q = live.open()) {
      assertThat(count(q, "SELECT count(*) FROM events")).isZero();
      assertThat(count(q, "SELECT schema_version FROM meta")).isEqualTo(CaseSchema.VERSION);
      assertThat(count(q, "SELECT count(*) FROM loads")).isZero();
    }
  }

  @Test
  void readers_cannotWriteOrReachFiles() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case")); CaseQuery q = live.open()) {
      assertThatThrownBy(() -> q.rows("WITH x AS (SELECT 1) DELETE FROM meta", List.of()))
          .isInstanceOf(CaseQuery.QueryRefusedException.class);
      assertThatThrownBy(() -> q.rows("SELECT * FROM read_text('/etc/hostname')", List.of()))
          .isInstanceOf(IOException.class);
      assertThat(count(q, "SELECT count(*) FROM meta")).isEqualTo(1);
    }
  }

  @Test
  void open_afterAnUnfinishedLoad_removesItsRows() throws Exception {
    Path dir = tmp.resolve("case");
    LiveCase.open(dir).close();
    // as if the process died mid-load: a loads row left unfinished, with a row of that load
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"
        + dev.kumo.casestore.CaseSchema.file(dir).toAbsolutePath()); java.sql.Statement s = c.createStatement()) {
      s.execute("INSERT INTO loads (load_id, started) VALUES (1, now()::TIMESTAMP)");
      s.execute("INSERT INTO strings VALUES (1, 'orphan', 1)");
    }
    try (LiveCase again = LiveCase.open(dir); CaseQuery q = again.open()) {
      assertThat(count(q, "SELECT count(*) FROM loads")).isZero();
      assertThat(count(q, "SELECT count(*) FROM strings")).isZero();
    }
  }

  @Test
  void readers_queryConcurrentlyWhileTheLoaderWrites() throws Exception {
    Spool spool = Spool.open(tmp.resolve("spool"));
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry(), spool, Clock.systemUTC());
    LoaderConfig d = LoaderConfig.defaults();
    LoaderConfig config = new LoaderConfig(d.hunt().withThreads(2), d.caseOptions(), 3, d.maxBytesPerLoad(),
        Duration.ofMillis(20), 3);
    int units = 12;
    int perUnit = 200;
    try (LiveCase live = LiveCase.open(tmp.resolve("case"));
        Loader loader = new Loader(spool, live, rules, config, FindingsListener.NONE, metrics, Clock.systemUTC())) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<Throwable> readerFailure = new AtomicReference<>();
      List<Long> seen = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try {
          while (!done.get()) {
            try (CaseQuery q = live.open()) {
              seen.add(count(q, "SELECT count(*) FROM events"));
              q.findings();
              q.incidents();
            }
          }
        } catch (Throwable t) {
          readerFailure.set(t);
        }
      }, "test-reader");
      reader.start();
      loader.start();
      for (int i = 0; i < units; i++) {
        spool.write("u" + i + ".jsonl",
            Records.lines(Records.quiet("r" + i, 0, perUnit)).getBytes(StandardCharsets.UTF_8));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (!spool.pending().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      done.set(true);
      reader.join();

      assertThat(readerFailure.get()).isNull();
      assertThat(seen).isNotEmpty();
      assertThat(metrics.snapshot().errors()).isZero();
      try (CaseQuery q = live.open()) {
        assertThat(count(q, "SELECT count(*) FROM events")).isEqualTo((long) units * perUnit);
        assertThat(count(q, "SELECT count(DISTINCT id) FROM events")).isEqualTo((long) units * perUnit);
      }
    }
  }
}
