package dev.kumo.casestore;

import dev.kumo.finding.Finding;
import dev.kumo.incident.IdentityLink;
import dev.kumo.incident.Incident;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Read-only SQL over a case. The case file is opened in DuckDB's read-only mode, access to other
 * files and the network is switched off (no {@code COPY TO}, {@code ATTACH}, {@code INSTALL}) and
 * the configuration is locked; on top of that only reading statements ({@code SELECT}, {@code WITH},
 * {@code FROM}, {@code VALUES}, {@code DESCRIBE}, {@code SHOW}, {@code SUMMARIZE}, {@code EXPLAIN}),
 * one per query, are accepted. Anything else is refused with a {@link QueryRefusedException}.
 * {@link #of} wraps a connection to a database open for writing (a live case); there every
 * statement runs in a read-only transaction instead.
 */
public final class CaseQuery implements AutoCloseable {
  private static final Set<String> READING = Set.of("SELECT", "WITH", "FROM", "VALUES", "DESCRIBE", "SHOW",
      "SUMMARIZE", "EXPLAIN", "TABLE", "(");
  /** The saved queries shipped in this jar, by name. */
  public static final List<String> SAVED = List.of("console-logins-without-mfa", "principals-by-findings",
      "access-keys-from-several-ips", "failed-calls-by-principal", "findings-by-rule");

  private final Connection conn;
  /** Whether each statement runs in its own read-only transaction (a connection that could write). */
  private final boolean guarded;

  private CaseQuery(Connection conn, boolean guarded) {
    this.conn = conn;
    this.guarded = guarded;
  }

  /**
   * A query over a connection to a case database that the caller opened read-write (a service whose
   * one DuckDB instance is shared by the writer and its readers, as DuckDB refuses a read-only and a
   * read-write open of one file in one process). This query owns {@code conn} and closes it. Every
   * statement of {@link #run} runs in its own {@code BEGIN TRANSACTION READ ONLY}, so a statement that
   * would write is refused by DuckDB itself; the caller should also have switched external access off
   * on that database ({@code SET enable_external_access = false}, a database-wide setting).
   */
  public static CaseQuery of(Connection conn) {
    return new CaseQuery(conn, true);
  }

  /** Opens the case in folder {@code dir} read-only. */
  public static CaseQuery open(Path dir) throws IOException {
    Path file = CaseSchema.file(dir);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no case at " + dir + " (expected " + file.getFileName() + "; create one with"
          + " 'kumo hunt ... --case " + dir + "')");
    }
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
      return new CaseQuery(c, false);
    } catch (SQLException e) {
      throw new IOException("cannot open case " + dir + " read-only: " + e.getMessage(), e);
    }
  }

  /** The text of a saved query, if one of that name ships. */
  public static Optional<String> saved(String name) {
    if (!SAVED.contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = CaseQuery.class.getResourceAsStream("saved/" + name + ".sql")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first comment line of a saved query: what it finds. */
  public static String savedDescription(String name) {
    String text = saved(name).orElseThrow(() -> new IllegalArgumentException("no saved query '" + name + "'"));
    for (String line : text.split("\n")) {
      if (line.startsWith("--")) {
        return line.substring(2).strip();
      }
    }
    return "";
  }

  /** Thrown for a statement that could change the case or reach outside it. */
  public static final class QueryRefusedException extends IllegalArgumentException {
    QueryRefusedException(String message) {
      super(message);
    }
  }

  /**
   * A result: column names, then rows of values: null for SQL NULL, {@link Number}, {@link Boolean},
   * {@link List} for SQL lists, else {@link String} (times as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, UTC).
   * {@link #text} gives any value as display text.
   */
  public interface RowSink {
    void columns(List<String> names) throws IOException;

    void row(List<@Nullable Object> values) throws IOException;
  }

  /** Runs one reading statement and streams its rows to {@code sink}; returns the row count. */
  public long run(String sql, RowSink sink) throws IOException {
    return run(sql, List.of(), sink);
  }

  /**
   * Runs one reading statement with {@code ?} parameters bound in order (strings, numbers, booleans,
   * or {@link java.time.Instant}s for TIMESTAMP comparisons) and streams its rows to {@code sink}.
   */
  public long run(String sql, List<?> params, RowSink sink) throws IOException {
    String keyword = firstKeyword(sql);
    if (!READING.contains(keyword)) {
      throw new QueryRefusedException("the case is read-only: only SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW,"
          + " SUMMARIZE and EXPLAIN queries run (got " + (keyword.isEmpty() ? "an empty query" : keyword) + ")");
    }
    if (severalStatements(sql)) {
      throw new QueryRefusedException("one statement per query (found a ';' followed by more)");
    }
    boolean inTransaction = false;
    try {
      if (guarded) {
        try (Statement s = conn.createStatement()) {
          s.execute("BEGIN TRANSACTION READ ONLY");
        }
        inTransaction = true;
      }
      long rows = runRead(sql, params, sink);
      if (inTransaction) {
        inTransaction = false;
        try (Statement s = conn.createStatement()) {
          s.execute("COMMIT");
        }
      }
      return rows;
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("read-only") || m.contains("read only")) {
        throw new QueryRefusedException("the case is read-only: " + m);
      }
      throw new IOException("query failed: " + m, e);
    } finally {
      if (inTransaction) {
        try (Statement s = conn.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the connection is unusable; the caller closes it
        }
      }
    }
  }

  private long runRead(String sql, List<?> params, RowSink sink) throws SQLException, IOException {
    try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> names = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        names.add(md.getColumnLabel(i));
      }
      sink.columns(names);
      long rows = 0;
      List<@Nullable Object> values = new ArrayList<>(n);
      while (rs.next()) {
        values.clear();
        for (int i = 1; i <= n; i++) {
          values.add(value(rs.getObject(i)));
        }
        sink.row(values);
        rows++;
      }
      return rows;
    }
  }

  /** Runs one reading statement with parameters and returns all its rows (for small results). */
  public List<List<@Nullable Object>> rows(String sql, List<?> params) throws IOException {
    List<List<@Nullable Object>> out = new ArrayList<>();
    run(sql, params, new RowSink() {
      @Override
      public void columns(List<String> names) {}

      @Override
      public void row(List<@Nullable Object> values) {
        out.add(new ArrayList<>(values));
      }
    });
    return out;
  }

  /** A TIMESTAMP value as this class returns it ({@code yyyy-MM-dd HH:mm[:ss[.f]]}, UTC), as an instant. */
  public static java.time.Instant instant(Object value) {
    return java.time.LocalDateTime.parse(value.toString().replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
  }

  private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
    PreparedStatement ps = conn.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof java.time.Instant t) {
        ps.setObject(i + 1, java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, p);
      }
    }
    return ps;
  }

  /** Every identity link of the case (session-issuing STS calls), by time. */
  public List<IdentityLink> links() throws IOException {
    try {
      return LinkRows.readAll(conn);
    } catch (SQLException e) {
      throw new IOException("cannot read the case's identity links: " + e.getMessage(), e);
    }
  }

  /** Every finding of the case, in finding order. */
  public List<Finding> findings() throws IOException {
    try {
      return FindingRows.readAll(conn);
    } catch (SQLException e) {
      throw new IOException("cannot read the case's findings: " + e.getMessage(), e);
    }
  }

  /** The findings that load {@code loadId} added to the case (see {@link LoadStats#loadId()}), in finding order. */
  public List<Finding> findings(int loadId) throws IOException {
    try {
      return FindingRows.readLoad(conn, loadId);
    } catch (SQLException e) {
      throw new IOException("cannot read the findings of load " + loadId + ": " + e.getMessage(), e);
    }
  }

  /** The case's incidents as its last load stored them, oldest first. */
  public List<Incident> incidents() throws IOException {
    try {
      return IncidentRows.readAll(conn);
    } catch (SQLException e) {
      throw new IOException("cannot read the case's incidents: " + e.getMessage(), e);
    }
  }

  private static @Nullable Object value(@Nullable Object o) throws SQLException {
    if (o == null || o instanceof Number || o instanceof Boolean || o instanceof String) {
      return o;
    }
    if (o instanceof Array a) {
      Object[] items = (Object[]) a.getArray();
      List<@Nullable Object> out = new ArrayList<>(items.length);
      for (Object item : items) {
        out.add(value(item));
      }
      return out;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toString().replace('T', ' ');
    }
    if (o instanceof java.time.temporal.TemporalAccessor t) {
      return t.toString().replace('T', ' ');
    }
    return o.toString();
  }

  /** A value as display text: NULL for null, lists as {@code [a, b]}. */
  public static String text(@Nullable Object o) {
    if (o == null) {
      return "NULL";
    }
    if (o instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(text(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return o.toString();
  }

  /** Whether {@code sql} holds more than one statement (a {@code ;} outside quotes and comments, then more). */
  static boolean severalStatements(String sql) {
    int n = sql.length();
    int i = 0;
    boolean ended = false;
    while (i < n) {
      char c = sql.charAt(i);
      if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (ended && c != ';') {
        return true;
      }
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        i = j + 1;
        continue;
      }
      if (c == ';') {
        ended = true;
      }
      i++;
    }
    return false;
  }

  /** The statement's first keyword, upper case, after leading whitespace and comments. */
  static String firstKeyword(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    if (i < n && sql.charAt(i) == '(') {
      return "(";
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // read-only: nothing to lose
    }
  }
}
