package dev.kumo.casestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseQueryTest {
  @TempDir
  Path dir;

  @Test
  void firstKeyword_skipsCommentsAndWhitespace() {
    assertThat(CaseQuery.firstKeyword("  -- note\n /* x */ select 1")).isEqualTo("SELECT");
    assertThat(CaseQuery.firstKeyword("(SELECT 1)")).isEqualTo("(");
    assertThat(CaseQuery.firstKeyword("")).isEmpty();
  }

  @Test
  void severalStatements_ignoresSemicolonsInStringsCommentsAndAtTheEnd() {
    assertThat(CaseQuery.severalStatements("SELECT 'a;b', \"c;d\" FROM t; -- done\n")).isFalse();
    assertThat(CaseQuery.severalStatements("SELECT 1;;")).isFalse();
    assertThat(CaseQuery.severalStatements("SELECT 'it''s'; DROP TABLE events")).isTrue();
  }

  @Test
  void emptyCase_hasSchemaVersionAndRefusesWrites() throws Exception {
    try (CaseWriter w = CaseWriter.open(dir)) {
      assertThat(w.finish().eventsAdded()).isZero();
    }
    try (CaseQuery q = CaseQuery.open(dir)) {
      StringBuilder out = new StringBuilder();
      q.run("SELECT schema_version FROM meta", new CaseQuery.RowSink() {
        @Override
        public void columns(java.util.List<String> names) {}

        @Override
        public void row(java.util.List<Object> values) {
          out.append(values.get(0));
        }
      });
      assertThat(out).hasToString(String.valueOf(CaseSchema.VERSION));
      assertThatThrownBy(() -> q.run("DELETE FROM events", null)).isInstanceOf(CaseQuery.QueryRefusedException.class);
    }
  }

  @Test
  void of_sharedReadWriteDatabase_refusesWritesAndFileAccessButReads() throws Exception {
    java.nio.file.Files.createDirectories(dir);
    try (org.duckdb.DuckDBConnection db = (org.duckdb.DuckDBConnection) java.sql.DriverManager.getConnection(
        "jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath())) {
      CaseWriter.prepare(db);
      try (java.sql.Statement s = db.createStatement()) {
        s.execute("SET enable_external_access = false");
      }
      try (CaseQuery q = CaseQuery.of(db.duplicate())) {
        assertThatThrownBy(() -> q.rows("WITH x AS (SELECT 1) DELETE FROM meta", java.util.List.of()))
            .isInstanceOf(CaseQuery.QueryRefusedException.class);
        assertThatThrownBy(() -> q.rows("SELECT * FROM read_csv('/etc/passwd')", java.util.List.of()))
            .isInstanceOf(java.io.IOException.class);
        // after refused statements the connection still reads
        assertThat(q.rows("SELECT schema_version FROM meta", java.util.List.of()).get(0).get(0))
            .isEqualTo(CaseSchema.VERSION);
        assertThat(q.findings(1)).isEmpty();
      }
      try (java.sql.Statement s = db.createStatement(); java.sql.ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM meta")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
    }
  }
}
