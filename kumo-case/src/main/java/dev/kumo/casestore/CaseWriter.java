package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.EventListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
 * into a row on its own thread and hands it to a bounded queue; one writer thread appends rows to
 * staging tables with DuckDB's Appender and, every {@link #MERGE_EVERY} events and at
 * {@link #close}, merges the staging rows into {@code events} and {@code findings}, skipping rows
 * already present (events by id, findings by rule id, event id and correlation group). A full queue
 * blocks the workers: the hunt runs at the pace of the writer, never with unbounded memory.
 *
 * <p>{@link #event} is thread-safe; {@link #finding} and {@link #close} are for one thread (the one
 * that reads the hunt's findings). Only one writer may have a case open at a time (DuckDB's file lock).
 */
public final class CaseWriter implements EventListener, AutoCloseable {
  /** Staged events merged per batch. */
  static final int MERGE_EVERY = 200_000;
  private static final int QUEUE_CAPACITY = 16_384;
  private static final Object END = new Object();
  private static final char SEP = '\u001f';

  private final DuckDBConnection conn;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final Thread writer;
  private final int loadId;
  private final Instant started;
  private long eventsSeen;
  private long findingsSeen;
  private long eventsAdded;
  private long findingsAdded;
  private boolean closed;

  private CaseWriter(DuckDBConnection conn, int loadId) {
    this.conn = conn;
    this.loadId = loadId;
    this.started = Instant.now();
    this.writer = new Thread(this::drain, "kumo-case-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Opens (creating if needed) the case in folder {@code dir} for a new load. */
  public static CaseWriter open(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir)
          .toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit = '1GB'");
        s.execute("SET preserve_insertion_order = false");
        // one DuckDB thread: the hunt workers need the cores; measured 25k vs 16k events/s on 2 cores
        s.execute("SET threads = 1");
        for (String sql : CaseSchema.statements()) {
          s.execute(sql);
        }
        int version;
        try (ResultSet rs = s.executeQuery("SELECT max(schema_version), count(*) FROM meta")) {
          rs.next();
          version = rs.getLong(2) == 0 ? -1 : rs.getInt(1);
        }
        if (version == -1) {
          s.execute("INSERT INTO meta VALUES (" + CaseSchema.VERSION + ", now()::TIMESTAMP, '" + Finding.SCHEMA + "')");
        } else if (version != CaseSchema.VERSION) {
          c.close();
          throw new IOException("case " + dir + " has schema version " + version + "; this Kumo writes version "
              + CaseSchema.VERSION);
        }
        s.execute("CREATE OR REPLACE TEMP TABLE stage_events AS SELECT * EXCLUDE (load_id) FROM events LIMIT 0");
        s.execute("CREATE OR REPLACE TEMP TABLE stage_findings AS SELECT * EXCLUDE (load_id) FROM findings LIMIT 0");
        int load;
        try (ResultSet rs = s.executeQuery("SELECT coalesce(max(load_id), 0) + 1 FROM loads")) {
          rs.next();
          load = rs.getInt(1);
        }
        s.execute("INSERT INTO loads (load_id, started) VALUES (" + load + ", now()::TIMESTAMP)");
        return new CaseWriter(c, load);
      }
    } catch (SQLException e) {
      throw new IOException("cannot open case " + dir + ": " + e.getMessage(), e);
    }
  }

  /** An event row, built on the worker thread so the single writer only appends. */
  private record EventRow(String id, long micros, String source, String cls, int classUid, @Nullable String provider,
      @Nullable String account, @Nullable String region, @Nullable String principal, @Nullable String principalType,
      @Nullable String userName, @Nullable String accessKey, @Nullable Boolean mfa, @Nullable String sourceIp,
      @Nullable String userAgent, @Nullable String service, @Nullable String operation, @Nullable String errorCode,
      List<String> resources, String file, long line, String raw) {}

  @Override
  public void event(NormalizedEvent e) {
    List<String> resources = e.resources().stream().map(r -> r.uid()).filter(u -> u != null).toList();
    EventRow row = new EventRow(e.id(), micros(e.time()), e.source(), e.ocsfClass().caption(), e.ocsfClass().uid(),
        e.cloud().provider(), e.cloud().account(), e.cloud().region(), e.actor().principal(),
        e.actor().identityType(), e.actor().userName(), e.actor().accessKeyId(), e.actor().mfa(), e.src().ip(),
        e.src().userAgent(), e.api().service(), e.api().operation(), e.api().errorCode(), resources,
        e.origin().file(), e.origin().line(), e.raw().toJson());
    put(row);
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
    DuckDBAppender events = null;
    DuckDBAppender findings = null;
    try {
      events = conn.createAppender("temp", "main", "stage_events");
      findings = conn.createAppender("temp", "main", "stage_findings");
      long staged = 0;
      while (true) {
        Object o = queue.take();
        if (o == END) {
          break;
        }
        if (o instanceof EventRow r) {
          eventsSeen++;
          appendEvent(events, r);
          if (++staged >= MERGE_EVERY) {
            events.flush();
            mergeEvents();
            staged = 0;
          }
        } else if (o instanceof Finding f) {
          findingsSeen++;
          appendFinding(findings, f);
        }
      }
      events.flush();
      findings.flush();
      mergeEvents();
      mergeFindings();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      queue.clear();
    } finally {
      closeQuietly(events);
      closeQuietly(findings);
    }
  }

  private static void closeQuietly(@Nullable DuckDBAppender a) {
    if (a != null) {
      try {
        a.close();
      } catch (SQLException ignored) {
        // the failure that matters is already recorded
      }
    }
  }

  private void appendEvent(DuckDBAppender a, EventRow r) throws SQLException {
    a.beginRow();
    a.append(r.id());
    a.appendEpochMicros(r.micros());
    a.append(r.source());
    a.append(r.cls());
    a.append(r.classUid());
    str(a, r.provider());
    str(a, r.account());
    str(a, r.region());
    str(a, r.principal());
    str(a, r.principalType());
    str(a, r.userName());
    str(a, r.accessKey());
    if (r.mfa() == null) {
      a.appendNull();
    } else {
      a.append(r.mfa().booleanValue());
    }
    str(a, r.sourceIp());
    str(a, r.userAgent());
    str(a, r.service());
    str(a, r.operation());
    str(a, r.errorCode());
    a.append(r.resources());
    a.append(r.file());
    a.append(r.line());
    a.append(r.raw());
    a.endRow();
  }

  private void appendFinding(DuckDBAppender a, Finding f) throws SQLException {
    EventSummary e = f.event();
    CorrelationInfo c = f.correlation();
    a.beginRow();
    a.append(f.ruleId());
    a.append(f.ruleTitle());
    a.append(f.level().name().toLowerCase(java.util.Locale.ROOT));
    a.append(f.ruleSource());
    a.append(f.techniques());
    a.append(f.tacticNames());
    a.append(f.threats());
    a.append(f.reason());
    a.append(f.evidence());
    a.append(e.id());
    a.appendEpochMicros(micros(f.time()));
    a.append(e.source());
    str(a, e.account());
    str(a, e.region());
    str(a, e.principal());
    str(a, e.sourceIp());
    str(a, c == null ? null : c.type());
    a.append(c == null ? "" : group(c.group()));
    str(a, f.suppressedBy());
    a.endRow();
  }

  /** The correlation group as {@code key=value} pairs separated by the unit separator (U+001F). */
  private static String group(Map<String, String> group) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> en : group.entrySet()) {
      if (!sb.isEmpty()) {
        sb.append(SEP);
      }
      sb.append(en.getKey()).append('=').append(en.getValue());
    }
    return sb.toString();
  }

  private static void str(DuckDBAppender a, @Nullable String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private void mergeEvents() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN TRANSACTION");
      eventsAdded += s.executeUpdate("INSERT INTO events SELECT s.*, " + loadId + " FROM "
          + "(SELECT DISTINCT ON (id) * FROM stage_events) s ANTI JOIN events e ON s.id = e.id");
      s.execute("DELETE FROM stage_events");
      s.execute("COMMIT");
    }
  }

  private void mergeFindings() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN TRANSACTION");
      findingsAdded += s.executeUpdate("INSERT INTO findings SELECT s.*, " + loadId + " FROM "
          + "(SELECT DISTINCT ON (rule_id, event_id, correlation_group) * FROM stage_findings) s "
          + "ANTI JOIN findings f ON s.rule_id = f.rule_id AND s.event_id = f.event_id "
          + "AND s.correlation_group = f.correlation_group");
      s.execute("DELETE FROM stage_findings");
      s.execute("COMMIT");
    }
  }

  /** Merges what is left, records the load and closes the case; returns what this load added. */
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
        s.execute("UPDATE loads SET finished = now()::TIMESTAMP, events_seen = " + eventsSeen + ", events_added = "
            + eventsAdded + ", findings_seen = " + findingsSeen + ", findings_added = " + findingsAdded
            + " WHERE load_id = " + loadId);
        s.execute("CHECKPOINT");
      }
      return new LoadStats(loadId, eventsSeen, eventsAdded, findingsSeen, findingsAdded,
          java.time.Duration.between(started, Instant.now()));
    } catch (SQLException e) {
      throw new IOException("finishing the case failed: " + e.getMessage(), e);
    } finally {
      closeConnection();
    }
  }

  /** Closes without recording the load as finished if {@link #finish} was not called (staged rows are dropped). */
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
      closeConnection();
    }
  }

  private void closeConnection() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }
}
