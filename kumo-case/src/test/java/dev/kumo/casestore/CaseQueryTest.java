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
}
