package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kumo hunt --case and kumo query end to end: idempotent loads, read-only queries, safe output. */
class QueryCommandTest {
  @TempDir
  Path dir;

  Path first;
  Path second;
  Path caseDir;

  @BeforeEach
  void setUp() throws Exception {
    first = dir.resolve("first");
    second = dir.resolve("second");
    caseDir = dir.resolve("case");
    Files.createDirectories(first);
    Files.createDirectories(second);
    String hostileUa = "=cmd|' /C calc'!A0\\u001b[2J\\u001b[31mpwned\\u202e";
    Files.writeString(first.resolve("trail.json"), "{\"Records\":["
        + HuntCommandTest.event(1, "StopLogging", hostileUa, "=HYPERLINK(1)") + ","
        + HuntCommandTest.event(2, "DescribeTrails", "aws-cli/2", "bob") + "]}");
    Files.writeString(second.resolve("trail.json"), "{\"Records\":["
        + HuntCommandTest.event(3, "DeleteTrail", "aws-cli/2", "bob") + ","
        + HuntCommandTest.event(4, "DescribeTrails", "aws-cli/2", "alice") + "]}");
  }

  private Cli.Result hunt(Path logs) {
    Cli.Result r = Cli.run("hunt", logs.toString(), "--case", caseDir.toString(), "-q", "--format", "jsonl",
        "--threads", "2");
    assertThat(r.exit()).as(r.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
    return r;
  }

  private String query(String sql, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "query";
    args[1] = caseDir.toString();
    args[2] = sql;
    System.arraycopy(extra, 0, args, 3, extra.length);
    Cli.Result r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    return r.out();
  }

  private String counts() {
    return query("SELECT (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM findings) AS n", "--format",
        "csv");
  }

  @Test
  void huntIntoCase_sameFolderTwice_addsNothingTheSecondTime() {
    hunt(first);
    String once = counts();
    assertThat(once).contains("2/");
    hunt(first);
    assertThat(counts()).isEqualTo(once);
    assertThat(query("SELECT load_id, events_added FROM loads ORDER BY load_id", "--format", "csv"))
        .isEqualTo("load_id,events_added\r\n1,2\r\n2,0\r\n");
  }

  @Test
  void huntIntoCase_anotherFolder_extendsTheCase() {
    hunt(first);
    hunt(second);
    assertThat(query("SELECT count(*) AS n FROM events", "--format", "csv")).isEqualTo("n\r\n4\r\n");
    assertThat(query("SELECT principal, events FROM principals ORDER BY principal", "--format", "csv"))
        .contains("arn:aws:iam::111122223333:user/bob,2");
  }

  @Test
  void huntIntoCase_recordsTheSchemaVersion() {
    hunt(first);
    assertThat(query("SELECT schema_version FROM meta", "--format", "csv"))
        .isEqualTo("schema_version\r\n" + CaseSchema.VERSION + "\r\n");
    assertThat(Files.isRegularFile(caseDir.resolve(CaseSchema.FILE_NAME))).isTrue();
  }

  @Test
  void query_writingStatements_areRefusedAndChangeNothing() {
    hunt(first);
    for (String sql : new String[] {"DELETE FROM events", "CREATE TABLE x (a INTEGER)", "DROP VIEW principals",
        "INSERT INTO events SELECT * FROM events", "SELECT 1; DELETE FROM events", "ATTACH '/tmp/x.duckdb' AS x",
        "COPY events TO '" + dir.resolve("out.csv") + "'", "UPDATE events SET principal = 'x'"}) {
      Cli.Result r = Cli.run("query", caseDir.toString(), sql);
      assertThat(r.exit()).as(sql).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).as(sql).contains("refused");
    }
    Cli.Result r = Cli.run("query", caseDir.toString(), "SELECT * FROM read_csv('/etc/passwd')");
    assertThat(r.exit()).isNotEqualTo(ExitCode.OK);
    assertThat(counts()).contains("2/");
    assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
  }

  @Test
  void query_csv_quotesAndDefusesFormulas() {
    hunt(first);
    String out = query("SELECT user_name, user_agent FROM events WHERE operation = 'StopLogging'", "--format",
        "csv");
    assertThat(out).contains("\r\n'=HYPERLINK(1),'=cmd|' /C calc'!A0");
    assertThat(query("SELECT 'a,\"b\"' AS v, '+1' AS w, '@x' AS y, '-2' AS z", "--format", "csv"))
        .isEqualTo("v,w,y,z\r\n\"a,\"\"b\"\"\",'+1,'@x,'-2\r\n");
  }

  @Test
  void query_table_showsControlCharactersAsEscapes() {
    hunt(first);
    String out = query("SELECT user_agent FROM events WHERE operation = 'StopLogging'");
    assertThat(out).doesNotContain("\u001b").doesNotContain("\u202e").contains("\\x1b[2J").contains("\\u202e");
  }

  @Test
  void query_jsonl_escapesAndKeepsTypes() {
    hunt(first);
    String out = query("SELECT user_agent, line, resources, mfa FROM events WHERE operation = 'StopLogging'",
        "--format", "jsonl");
    assertThat(out).doesNotContain("\u001b").contains("\\u001B[2J").contains("\"line\":1");
  }

  @Test
  void query_savedQueries_allRunAndAreListed() {
    hunt(first);
    Cli.Result list = Cli.run("query", caseDir.toString(), "--saved");
    assertThat(list.exit()).isEqualTo(ExitCode.OK);
    for (String name : CaseQuery.SAVED) {
      assertThat(list.out()).contains(name);
      Cli.Result r = Cli.run("query", caseDir.toString(), "--saved", name, "--format", "csv");
      assertThat(r.exit()).as(name + ": " + r.err()).isEqualTo(ExitCode.OK);
    }
    assertThat(Cli.run("query", caseDir.toString(), "--saved", "findings-by-rule", "--format", "csv").out()
        .lines()).hasSizeGreaterThan(1);
  }

  @Test
  void query_noCase_explainsHowToMakeOne() {
    Cli.Result r = Cli.run("query", dir.resolve("nothing").toString(), "SELECT 1");
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("--case");
  }
}
