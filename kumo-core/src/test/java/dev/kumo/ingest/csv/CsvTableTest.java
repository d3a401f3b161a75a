package dev.kumo.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  private static CsvTable table(String header) {
    return CsvTable.forHeader(header).orElseThrow();
  }

  @Test
  void parse_plainRow_keepsNonEmptyFieldsByColumnName() {
    JsonObject r = table("a,b,c,d").parse("1,,x y,4");
    assertThat(r.toJson()).isEqualTo("{\"a\":\"1\",\"c\":\"x y\",\"d\":\"4\"}");
  }

  @Test
  void parse_quotedFields_keepCommasAndDoubledQuotes() {
    JsonObject r = table("desc,tags,n").parse("\"$0.09 per GB, first 10 TB\",\"{\"\"team\"\":\"\"data\"\"}\",\"\"");
    assertThat(r.getString("desc")).isEqualTo("$0.09 per GB, first 10 TB");
    assertThat(r.getString("tags")).isEqualTo("{\"team\":\"data\"}");
    assertThat(r.has("n")).isFalse();
  }

  @Test
  void parse_trailingCommaIsALastEmptyField() {
    assertThat(table("a,b").parse("1,").toJson()).isEqualTo("{\"a\":\"1\"}");
    assertThat(table("a,b,c").parse(",,").size()).isZero();
  }

  @Test
  void parse_headerRepeatsBlankLinesAndCrlf_areHandled() {
    CsvTable t = table("\uFEFFa,b\r");
    assertThat(t.columns()).containsExactly("a", "b");
    assertThat(t.parse("\uFEFFa,b\r")).isNull();
    assertThat(t.parse("a,b")).isNull();
    assertThat(t.parse("   ")).isNull();
    assertThat(t.parse("1,2\r").getString("b")).isEqualTo("2");
  }

  @Test
  void parse_wrongFieldCounts_areMalformed() {
    CsvTable t = table("a,b,c");
    assertThatThrownBy(() -> t.parse("1,2")).isInstanceOf(InvalidRecordException.class)
        .hasMessage("row has 2 fields, the header has 3; skipped");
    assertThatThrownBy(() -> t.parse("1,2,3,4")).hasMessage("row has more fields than the header's 3; skipped");
    assertThat(t.parse("1,2,3")).isNotNull(); // the parser recovers
  }

  @Test
  void parse_textAfterClosingQuote_isMalformed() {
    assertThatThrownBy(() -> table("a,b").parse("\"x\"y,2")).isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("text after the closing quote of column a");
  }

  @Test
  void parse_quotedFieldSpanningLines_reportsItAndItsContinuationThenRecovers() {
    CsvTable t = table("id,desc,cost");
    assertThatThrownBy(() -> t.parse("1,\"first line")).isInstanceOf(InvalidRecordException.class)
        .satisfies(e -> assertThat(((InvalidRecordException) e).kind()).isEqualTo(ProblemKind.MALFORMED_RECORD))
        .hasMessageContaining("quoted field in column desc is not closed on its line");
    assertThatThrownBy(() -> t.parse("still inside")).hasMessageContaining("continues a quoted field");
    assertThatThrownBy(() -> t.parse("last line\",0.5")).hasMessageContaining("continues a quoted field");
    assertThat(t.parse("2,ok,0.7").getString("cost")).isEqualTo("0.7");
  }

  @Test
  void parse_escapedQuoteAtLineEnd_doesNotCloseAContinuation() {
    CsvTable t = table("id,desc");
    assertThatThrownBy(() -> t.parse("1,\"a"));
    assertThatThrownBy(() -> t.parse("b \"\" c")); // a doubled quote inside the open field
    assertThatThrownBy(() -> t.parse("d\""));     // closes it
    assertThat(t.parse("2,e")).isNotNull();
  }

  @Test
  void forHeader_rejectsAnOpenQuoteAndUnnamedHeaders() {
    assertThat(CsvTable.forHeader("a,\"b")).isEmpty();
    assertThat(CsvTable.forHeader(" , ")).isEmpty();
    JsonObject r = table("a,,c").parse("1,2,3");
    assertThat(r.toJson()).isEqualTo("{\"a\":\"1\",\"c\":\"3\"}"); // the unnamed column is dropped
  }

  @Test
  void parse_hostileLines_neverThrowAnythingButInvalidRecord() {
    CsvTable t = table("a,b");
    for (String line : new String[] {"\"", "\"\"\"", ",", "\",\"", "a\"b,c", "\u0000,\u0001", "\"\",\"\""}) {
      try {
        t.parse(line);
      } catch (InvalidRecordException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
      }
    }
  }
}
