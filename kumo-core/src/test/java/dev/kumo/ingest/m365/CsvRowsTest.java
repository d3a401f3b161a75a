package dev.kumo.ingest.m365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** CSV rows: quoting, fields spanning lines, and hostile input. */
class CsvRowsTest {
  private final CsvRows rows = new CsvRows(List.of("A", "B", "C"));

  @Test
  void split_quotedFieldsWithCommasAndDoubledQuotes() {
    assertThat(CsvRows.split("\"a,b\",\"say \"\"hi\"\"\",plain")).containsExactly("a,b", "say \"hi\"", "plain");
    assertThat(CsvRows.split("a,,")).containsExactly("a", "", "");
    assertThat(CsvRows.split("\"open")).isNull();
  }

  @Test
  void row_quotedFieldSpanningLines_isCompletedByTheNextLine() {
    assertThat(rows.row("\"1\",\"first line")).isNull();
    assertThat(rows.unterminated()).isTrue();
    JsonObject r = rows.row("second line\",\"3\"");
    assertThat(r).isNotNull();
    assertThat(r.getString("B")).isEqualTo("first line\nsecond line");
    assertThat(r.getString("C")).isEqualTo("3");
    assertThat(rows.unterminated()).isFalse();
  }

  @Test
  void row_headerRepeatedBlankAndTypeLines_holdNoRow() {
    assertThat(rows.row("A,B,C")).isNull();
    assertThat(rows.row("   ")).isNull();
    assertThat(rows.row("#TYPE Deserialized.Something")).isNull();
    assertThat(rows.row("\uFEFFx,y")).satisfies(r -> {
      assertThat(r.getString("A")).isEqualTo("x");
      assertThat(r.has("C")).isFalse();
    });
  }

  @Test
  void row_moreFieldsThanHeader_isRejectedWithAReason() {
    assertThatThrownBy(() -> rows.row("1,2,3,4")).isInstanceOf(InvalidRecordException.class)
        .hasMessage("CSV row has 4 fields but the header names 3; row skipped");
  }

  @Test
  void row_quoteInsideUnquotedField_isText() {
    assertThat(rows.row("5\" disk,b,c").getString("A")).isEqualTo("5\" disk");
  }

  @Test
  void read_fileEndingInsideQuotedField_reportsTheLastRow() {
    String csv = "\"CreationDate\",\"Operations\",\"AuditData\"\n\"2024-05-01T10:00:00Z\",\"X\",\"{\"\"Workload";
    SourceTesting.Read r = SourceTesting.read("cut.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("ends inside a quoted CSV field"));
  }

  @Test
  void read_unclosedQuoteOverManyLines_endsQuicklyWithAProblem() {
    StringBuilder sb = new StringBuilder("\"CreationDate\",\"Operations\",\"AuditData\"\n\"2024\",\"X\",\"{\n");
    String line = "x".repeat(200) + "\n";
    for (int i = 0; i < CsvRows.MAX_ROW_LINES + 50; i++) {
      sb.append(line);
    }
    byte[] content = sb.toString().getBytes(StandardCharsets.UTF_8);
    SourceTesting.Read r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> SourceTesting.read("long.csv", content));

    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).isNotEmpty();
    assertThat(r.problems().get(0).message()).startsWith("CSV quoted field not closed within");
  }
}
