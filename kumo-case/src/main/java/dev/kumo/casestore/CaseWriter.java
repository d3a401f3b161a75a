package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.EventListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Streams a hunt's events and findings into a case file, incrementally and idempotently.
 *
 * <p>Each hunt worker that calls {@link #event} (this is the hunt's {@link EventListener}) gets its
 * own {@link Lane}: a DuckDB connection with one open transaction and Appenders into the event and
 * link tables, so the workers append in parallel, with no queue and no extra thread, and memory
 * stays bounded (DuckDB writes full row groups of a large transaction straight to the file; the
 * dictionaries of repeating values are capped).
 * {@link #finish} commits the lanes, then removes the rows of this load whose event (id and time)
 * the case already had (or that this load saw twice) and the values only those rows used, merges the
 * findings (by rule, event, correlation group and reason, as a detector may report one event twice
 * for two reasons), recomputes the incidents (when the load added findings or identity links) and
 * records the load.
 *
 * <p>A load that does not finish (the process dies, {@link #close} without {@link #finish}) keeps
 * its {@code loads} row unfinished; the next writer removes that row and any rows of that load.
 *
 * <p>{@link #event} is thread-safe; {@link #finding}, {@link #finish} and {@link #close} are for one
 * thread, after the hunt's workers are done. Only one writer may have a case open at a time
 * (DuckDB's file lock).
 */
public final class CaseWriter implements EventListener, AutoCloseable {
  private final DuckDBConnection conn;
  private final CaseOptions options;
  private final int loadId;
  private final Instant started;
  private final Queue<Lane> lanes = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<@Nullable Lane> lane = new ThreadLocal<>();
  private final Dictionaries dictionaries;
  private final boolean checkpointAtFinish;
  private @Nullable DuckDBAppender findings;
  private long findingsSeen;
  private boolean closed;

  private CaseWriter(DuckDBConnection conn, int loadId, CaseOptions options, Dictionaries dictionaries,
      boolean checkpointAtFinish) {
    this.conn = conn;
    this.checkpointAtFinish = checkpointAtFinish;
    this.dictionaries = dictionaries;
    this.loadId = loadId;
    this.options = options;
    this.started = Instant.now();
  }

  /** Opens (creating if needed) the case in folder {@code dir} for a new load, with the default options. */
  public static CaseWriter open(Path dir) throws IOException {
    return open(dir, CaseOptions.DEFAULTS);
  }

  /** Opens (creating if needed) the case in folder {@code dir} for a new load. */
  public static CaseWriter open(Path dir, CaseOptions options) throws IOException {
    Files.createDirectories(dir);
    DuckDBConnection c = null;
    try {
      c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath());
      return start(c, options, dir.toString(), true);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IOException("cannot open case " + dir + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Starts a new load on a case database the caller already has open read-write (a long-running
   * service that shares one DuckDB instance between this writer and its readers). The writer works on
   * its own {@link DuckDBConnection#duplicate() duplicate} of {@code database} and closes only that;
   * {@code database} stays open. Creates the schema if needed and removes unfinished loads, as
   * {@link #open(Path, CaseOptions)} does. The caller keeps to one writer at a time per database.
   *
   * <p>Unlike a writer on a case folder, {@link #finish} does not checkpoint: a checkpoint after
   * every small load rewrites the tables' last row groups each time and costs more than the load.
   * DuckDB checkpoints on its own when the write-ahead log outgrows {@code wal_autocheckpoint}, and
   * when the database is closed.
   */
  public static CaseWriter open(DuckDBConnection database, CaseOptions options) throws IOException {
    DuckDBConnection c = null;
    try {
      c = (DuckDBConnection) database.duplicate();
      return start(c, options, "database", false);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IOException("cannot open the case database: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Makes a freshly opened case database ready without starting a load: checks the schema version,
   * creates the schema (and the {@code meta} row) if needed and removes the rows of loads that did not
   * finish. A service calls this once after opening the database, before handing out readers.
   *
   * @throws IOException when the case has another schema version or cannot be written
   */
  public static void prepare(DuckDBConnection database) throws IOException {
    try (Statement s = database.createStatement()) {
      prepare(s, "database");
    } catch (SQLException e) {
      throw new IOException("cannot prepare the case database: " + e.getMessage(), e);
    }
  }

  private static void prepare(Statement s, String where) throws SQLException, IOException {
    checkVersion(s, where);
    for (String sql : CaseSchema.statements()) {
      s.execute(sql);
    }
    if (count(s, "SELECT count(*) FROM meta") == 0) {
      s.execute("INSERT INTO meta VALUES (" + CaseSchema.VERSION + ", now()::TIMESTAMP, '" + Finding.SCHEMA
          + "')");
    }
    removeUnfinishedLoads(s);
  }

  private static CaseWriter start(DuckDBConnection c, CaseOptions options, String where, boolean checkpoint)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '1GB'");
      s.execute("SET preserve_insertion_order = false");
      // one DuckDB thread while the hunt runs: the hunt workers need the cores (they do the appends)
      s.execute("SET threads = 1");
      prepare(s, where);
      s.execute("CREATE OR REPLACE TEMP TABLE stage_findings AS SELECT " + FindingRows.COLUMNS
          + " FROM findings LIMIT 0");
      int load = (int) count(s, "SELECT coalesce(max(load_id), 0) + 1 FROM loads");
      s.execute("INSERT INTO loads (load_id, started) VALUES (" + load + ", now()::TIMESTAMP)");
      return new CaseWriter(c, load, options, Dictionaries.continuing(s), checkpoint);
    }
  }

  private static void checkVersion(Statement s, String dir) throws SQLException, IOException {
    boolean hasMeta = count(s, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        + " AND table_schema = 'main'") > 0;
    if (hasMeta && count(s, "SELECT count(*) FROM meta") > 0) {
      long version = count(s, "SELECT max(schema_version) FROM meta");
      if (version != CaseSchema.VERSION) {
        throw new IOException("case " + dir + " has schema version " + version + "; this Kumo writes version "
            + CaseSchema.VERSION);
      }
    }
  }

  private static void removeUnfinishedLoads(Statement s) throws SQLException {
    if (count(s, "SELECT count(*) FROM loads WHERE finished IS NULL") == 0) {
      return;
    }
    String unfinished = "(SELECT load_id FROM loads WHERE finished IS NULL)";
    List<String> tables = new ArrayList<>(List.of("event_rows", "findings", "links"));
    Dictionaries.TABLES.forEach(t -> tables.add(t.name()));
    for (String table : tables) {
      s.execute("DELETE FROM " + table + " WHERE load_id IN " + unfinished);
    }
    s.execute("DELETE FROM loads WHERE finished IS NULL");
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void event(NormalizedEvent e) {
    if (closed) {
      throw new IllegalStateException("case already closed");
    }
    EventRow row = EventRow.of(e, options.keepRaw());
    try {
      Lane l = lane.get();
      if (l == null) {
        l = new Lane(conn.duplicate(), loadId, dictionaries);
        lanes.add(l);
        lane.set(l);
      }
      l.append(row);
    } catch (SQLException ex) {
      throw new IllegalStateException("writing the case failed: " + ex.getMessage(), ex);
    }
  }

  /** Adds one of the hunt's findings (call after the hunt, in the order the hunt reports them). */
  public void finding(Finding f) {
    try {
      if (findings == null) {
        findings = conn.createAppender("temp", "main", "stage_findings");
      }
      FindingRows.append(findings, f);
      findingsSeen++;
    } catch (SQLException ex) {
      throw new IllegalStateException("writing the case failed: " + ex.getMessage(), ex);
    }
  }

  /**
   * Ends the load: commits the lanes, drops rows the case already had, merges the findings,
   * recomputes the incidents, records the load and closes the case; returns what this load added.
   */
  public LoadStats finish() throws IOException {
    if (closed) {
      throw new IllegalStateException("case already closed");
    }
    closed = true;
    try (Statement s = conn.createStatement()) {
      long eventsSeen = 0;
      for (Lane l : lanes) {
        eventsSeen += l.seen();
      }
      commitLanes();
      if (findings != null) {
        findings.close();
      }
      s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      s.execute("BEGIN TRANSACTION");
      long eventsDropped = dropRepeated(s, "event_rows", "id");
      long eventsAdded = eventsSeen - eventsDropped;
      if (eventsDropped > 0) {
        dropUnusedValues(s);
      }
      long linksAdded = count(s, "SELECT count(*) FROM links WHERE load_id = " + loadId)
          - dropRepeated(s, "links", "event_id");
      long findingsAdded = s.executeUpdate("INSERT INTO findings SELECT *, " + loadId + " FROM "
          + "(SELECT DISTINCT ON (rule_id, event_id, correlation_group, reason) * FROM stage_findings) n "
          + "ANTI JOIN findings f ON n.rule_id = f.rule_id AND n.event_id = f.event_id "
          + "AND n.correlation_group = f.correlation_group AND n.reason = f.reason");
      s.execute("UPDATE loads SET finished = now()::TIMESTAMP, events_seen = " + eventsSeen + ", events_added = "
          + eventsAdded + ", findings_seen = " + findingsSeen + ", findings_added = " + findingsAdded
          + " WHERE load_id = " + loadId);
      s.execute("COMMIT");
      // incidents depend only on the findings and identity links: a load that added neither leaves them be
      int incidents = findingsAdded == 0 && linksAdded == 0 ? (int) count(s, "SELECT count(*) FROM incidents")
          : IncidentTables.rebuild(conn, options.grouping()).size();
      if (checkpointAtFinish) {
        checkpoint();
      }
      return new LoadStats(loadId, eventsSeen, eventsAdded, findingsSeen, findingsAdded, linksAdded, incidents,
          Duration.between(started, Instant.now()));
    } catch (SQLException e) {
      throw new IOException("finishing the case failed: " + e.getMessage(), e);
    } finally {
      closeLanes();
      closeQuietly(conn);
    }
  }

  /**
   * Writes the committed load from the write-ahead log into the database file, when it can: DuckDB
   * refuses a checkpoint while another connection has a transaction open; the load is committed
   * (durable in the log) either way, and DuckDB checkpoints on its own later.
   */
  private void checkpoint() {
    try (Statement s = conn.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException busy) {
      // see above: not an error of the load
    }
  }

  /** Commits the lanes side by side (each flushes its last rows and writes its own transaction). */
  private void commitLanes() throws SQLException {
    List<CompletableFuture<Void>> commits = new ArrayList<>();
    for (Lane l : lanes) {
      commits.add(CompletableFuture.runAsync(() -> {
        try {
          l.commit();
        } catch (SQLException e) {
          throw new CompletionException(e);
        }
      }));
    }
    try {
      CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    } finally {
      lanes.clear();
    }
  }

  /**
   * Deletes the rows of this load whose key and time an earlier load already stored, then all but
   * the first row of each key and time this load saw more than once; returns how many rows went.
   * The same event has the same id and the same time, so only earlier rows within this load's time
   * range are compared: DuckDB skips the row groups outside it (their zone maps), which keeps the cost
   * of a load independent of the size of the case when events arrive roughly in time order (a live
   * service). Both steps are hash joins; the second sorts only the repeated keys.
   */
  private long dropRepeated(Statement s, String table, String key) throws SQLException {
    String range;
    try (ResultSet rs = s.executeQuery("SELECT min(time)::VARCHAR, max(time)::VARCHAR FROM " + table
        + " WHERE load_id = " + loadId)) {
      rs.next();
      if (rs.getString(1) == null) {
        return 0;
      }
      range = "time BETWEEN TIMESTAMP '" + rs.getString(1) + "' AND TIMESTAMP '" + rs.getString(2) + "'";
    }
    long known = s.executeUpdate("DELETE FROM " + table + " WHERE rowid IN (SELECT n.rowid FROM " + table + " n SEMI JOIN"
        + " (SELECT " + key + ", time FROM " + table + " WHERE load_id < " + loadId + " AND " + range + ") o ON n."
        + key + " = o." + key + " AND n.time = o.time WHERE n.load_id = " + loadId + ")");
    long repeated = s.executeUpdate("DELETE FROM " + table + " WHERE rowid IN (SELECT rid FROM (SELECT n.rowid AS rid,"
        + " row_number() OVER (PARTITION BY n." + key + ", n.time ORDER BY n.rowid) AS k FROM " + table + " n SEMI JOIN"
        + " (SELECT " + key + ", time FROM " + table + " WHERE load_id = " + loadId + " GROUP BY ALL HAVING count(*) > 1)"
        + " r ON n." + key + " = r." + key + " AND n.time = r.time WHERE n.load_id = " + loadId + ") WHERE k > 1)");
    return known + repeated;
  }

  /**
   * Deletes the repeating values this load stored that none of its remaining rows refers to (the
   * values of events the case already had).
   */
  private void dropUnusedValues(Statement s) throws SQLException {
    for (Dictionaries.Table t : Dictionaries.TABLES) {
      String refs = t.referencedBy().size() == 1 ? t.referencedBy().get(0)
          : "unnest([" + String.join(", ", t.referencedBy()) + "])";
      s.execute("DELETE FROM " + t.name() + " WHERE load_id = " + loadId + " AND " + t.id() + " NOT IN (SELECT id FROM"
          + " (SELECT " + refs + " AS id FROM event_rows WHERE load_id = " + loadId + ") WHERE id IS NOT NULL)");
    }
  }

  /**
   * Closes without finishing: nothing of this load is kept (its open transactions roll back, and its
   * {@code loads} row goes; should that fail, the next writer removes it).
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeLanes();
      try (Statement s = conn.createStatement()) {
        s.execute("DELETE FROM loads WHERE load_id = " + loadId + " AND finished IS NULL");
      } catch (SQLException ignored) {
        // the next writer removes unfinished loads
      }
      closeQuietly(conn);
    }
  }

  private void closeLanes() {
    for (Lane l : lanes) {
      l.abandon();
    }
    lanes.clear();
  }

  private static void closeQuietly(java.sql.@Nullable Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing left to save
      }
    }
  }
}
