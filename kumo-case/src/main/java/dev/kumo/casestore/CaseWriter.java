package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.EventListener;
import dev.kumo.incident.GroupingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Streams a hunt's events and findings into a case file, incrementally and idempotently.
 *
 * <p>Hunt workers call {@link #event} (it is the hunt's {@link EventListener}): each turns its event
 * into a row on its own thread and hands it to a bounded queue; one writer thread appends the rows
 * straight into {@code events} with DuckDB's Appender, tagged with this load's id. {@link #finish}
 * then removes the rows of this load whose event id the case already had (or that this load saw
 * twice), merges findings and identity links the same way (by rule, event, correlation group and
 * reason, as a detector may report one event twice for two reasons; links by event id),
 * recomputes the incidents and records the load. A full queue blocks the workers: the hunt runs at
 * the writer's pace, never with unbounded memory.
 *
 * <p>A load that does not finish (the process dies, {@link #close} without {@link #finish}) stays
 * marked unfinished; the next writer removes its rows before it starts.
 *
 * <p>{@link #event} is thread-safe; {@link #finding}, {@link #finish} and {@link #close} are for one
 * thread. Only one writer may have a case open at a time (DuckDB's file lock).
 */
public final class CaseWriter implements EventListener, AutoCloseable {
  private static final int QUEUE_CAPACITY = 8_192;
  private static final Object END = new Object();

  private final DuckDBConnection conn;
  private final GroupingOptions grouping;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final Thread writer;
  private final int loadId;
  private final Instant started;
  private long eventsSeen;
  private long findingsSeen;
  private boolean closed;

  private CaseWriter(DuckDBConnection conn, int loadId, GroupingOptions grouping) {
    this.conn = conn;
    this.loadId = loadId;
    this.grouping = grouping;
    this.started = Instant.now();
    this.writer = new Thread(this::drain, "kumo-case-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Opens (creating if needed) the case in folder {@code dir} for a new load, grouping with the defaults. */
  public static CaseWriter open(Path dir) throws IOException {
    return open(dir, GroupingOptions.DEFAULTS);
  }

  /** Opens (creating if needed) the case in folder {@code dir} for a new load. */
  public static CaseWriter open(Path dir, GroupingOptions grouping) throws IOException {
    Files.createDirectories(dir);
    DuckDBConnection c = null;
    try {
      c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit = '1GB'");
        s.execute("SET preserve_insertion_order = false");
        // one DuckDB thread while the hunt runs: the hunt workers need the cores
        s.execute("SET threads = 1");
        checkVersion(s, dir);
        for (String sql : CaseSchema.statements()) {
          s.execute(sql);
        }
        if (count(s, "SELECT count(*) FROM meta") == 0) {
          s.execute("INSERT INTO meta VALUES (" + CaseSchema.VERSION + ", now()::TIMESTAMP, '" + Finding.SCHEMA
              + "')");
        }
        removeUnfinishedLoads(s);
        s.execute("CREATE OR REPLACE TEMP TABLE stage_findings AS SELECT " + FindingRows.COLUMNS
            + " FROM findings LIMIT 0");
        s.execute("CREATE OR REPLACE TEMP TABLE stage_links AS SELECT * EXCLUDE (load_id) FROM links LIMIT 0");
        int load = (int) count(s, "SELECT coalesce(max(load_id), 0) + 1 FROM loads");
        s.execute("INSERT INTO loads (load_id, started) VALUES (" + load + ", now()::TIMESTAMP)");
        return new CaseWriter(c, load, grouping);
      }
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IOException("cannot open case " + dir + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void checkVersion(Statement s, Path dir) throws SQLException, IOException {
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
    String unfinished = "(SELECT load_id FROM loads WHERE finished IS NULL)";
    for (String table : new String[] {"events", "findings", "links"}) {
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
    put(EventRow.of(e));
  }

  /** Adds one of the hunt's findings (call after the hunt, in the order the hunt reports them). */
  public void finding(Finding f) {
    put(f);
  }

  private void put(Object o) {
    try {
      while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
        checkFailure();
      }
      checkFailure();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the case", ex);
    }
  }

  private void checkFailure() {
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("writing the case failed: " + t.getMessage(), t);
    }
  }

  private void drain() {
    try (DuckDBAppender events = conn.createAppender("events");
        DuckDBAppender links = conn.createAppender("temp", "main", "stage_links");
        DuckDBAppender findings = conn.createAppender("temp", "main", "stage_findings")) {
      while (true) {
        Object o = queue.take();
        if (o == END) {
          break;
        }
        if (o instanceof EventRow r) {
          eventsSeen++;
          r.append(events, loadId);
          if (r.link() != null) {
            EventRow.appendLink(links, r.link());
          }
        } else if (o instanceof Finding f) {
          findingsSeen++;
          FindingRows.append(findings, f);
        }
      }
      events.flush();
      links.flush();
      findings.flush();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      queue.clear();
    }
  }

  /**
   * Ends the load: drops rows the case already had, merges findings and links, recomputes the
   * incidents, records the load and closes the case; returns what this load added.
   */
  public LoadStats finish() throws IOException {
    if (closed) {
      throw new IllegalStateException("case already closed");
    }
    closed = true;
    try {
      queue.put(END);
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while finishing the case", e);
    }
    try {
      Throwable t = failure.get();
      if (t != null) {
        throw new IOException("writing the case failed: " + t.getMessage(), t);
      }
      try (Statement s = conn.createStatement()) {
        s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
        long eventsAdded = eventsSeen - dropRepeatedEvents(s);
        long findingsAdded = s.executeUpdate("INSERT INTO findings SELECT *, " + loadId + " FROM "
            + "(SELECT DISTINCT ON (rule_id, event_id, correlation_group, reason) * FROM stage_findings) n "
            + "ANTI JOIN findings f ON n.rule_id = f.rule_id AND n.event_id = f.event_id "
            + "AND n.correlation_group = f.correlation_group AND n.reason = f.reason");
        long linksAdded = s.executeUpdate("INSERT INTO links SELECT *, " + loadId + " FROM "
            + "(SELECT DISTINCT ON (event_id) * FROM stage_links) n ANTI JOIN links l ON n.event_id = l.event_id");
        int incidents = IncidentTables.rebuild(conn, grouping).size();
        s.execute("UPDATE loads SET finished = now()::TIMESTAMP, events_seen = " + eventsSeen + ", events_added = "
            + eventsAdded + ", findings_seen = " + findingsSeen + ", findings_added = " + findingsAdded
            + " WHERE load_id = " + loadId);
        s.execute("CHECKPOINT");
        return new LoadStats(loadId, eventsSeen, eventsAdded, findingsSeen, findingsAdded, linksAdded, incidents,
            Duration.between(started, Instant.now()));
      }
    } catch (SQLException e) {
      throw new IOException("finishing the case failed: " + e.getMessage(), e);
    } finally {
      closeQuietly(conn);
    }
  }

  /**
   * Deletes the rows of this load whose id an earlier load already stored, and all but the first of
   * ids this load saw more than once; returns how many rows went.
   */
  private long dropRepeatedEvents(Statement s) throws SQLException {
    return s.executeUpdate("DELETE FROM events WHERE rowid IN (SELECT rid FROM ("
        + "SELECT rowid AS rid, row_number() OVER (PARTITION BY id ORDER BY load_id, rowid) AS n FROM events "
        + "WHERE id IN (SELECT id FROM events WHERE load_id = " + loadId + ")) WHERE n > 1)");
  }

  /** Closes without finishing: the load stays unfinished and the next writer removes its rows. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      writer.interrupt();
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(conn);
    }
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
