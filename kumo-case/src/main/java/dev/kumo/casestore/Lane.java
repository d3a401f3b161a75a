package dev.kumo.casestore;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * One hunt worker's way into the case: its own connection, one open transaction, and Appenders into
 * {@code event_rows}, {@code links} and the tables of repeating values ({@code apis}, {@code actors},
 * {@code strings}, {@code resource_lists}). The repeating values go through the load's shared
 * {@link Dictionaries}; a value new to them is stored by the lane that met it first (every lane
 * commits at the end of the load, so the ids all resolve). Not thread-safe: one lane per worker.
 */
final class Lane implements EventRow.Values {
  private final DuckDBConnection conn;
  private final int loadId;
  private final Dictionaries dictionaries;
  private final DuckDBAppender events;
  private final DuckDBAppender links;
  private final DuckDBAppender apiRows;
  private final DuckDBAppender actorRows;
  private final DuckDBAppender stringRows;
  private final DuckDBAppender listRows;
  private final Dictionary.Store<EventRow.Api> storeApi = this::storeApi;
  private final Dictionary.Store<EventRow.Actor> storeActor = this::storeActor;
  private final Dictionary.Store<String> storeString = this::storeString;
  private final Dictionary.Store<List<String>> storeList = this::storeList;
  private long seen;

  Lane(DuckDBConnection conn, int loadId, Dictionaries dictionaries) throws SQLException {
    this.conn = conn;
    this.loadId = loadId;
    this.dictionaries = dictionaries;
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN TRANSACTION");
    }
    this.events = conn.createAppender("event_rows");
    this.links = conn.createAppender("links");
    this.apiRows = conn.createAppender("apis");
    this.actorRows = conn.createAppender("actors");
    this.stringRows = conn.createAppender("strings");
    this.listRows = conn.createAppender("resource_lists");
  }

  /** Appends the event and the identity link it records, if any. */
  void append(EventRow row) throws SQLException {
    row.append(events, loadId, this);
    if (row.link() != null) {
      EventRow.appendLink(links, row.link(), loadId);
    }
    seen++;
  }

  /** Events appended so far. */
  long seen() {
    return seen;
  }

  @Override
  public int api(EventRow.Api api) throws SQLException {
    return dictionaries.apis().id(api, storeApi);
  }

  @Override
  public int actor(EventRow.Actor actor) throws SQLException {
    return dictionaries.actors().id(actor, storeActor);
  }

  @Override
  public int string(@Nullable String s) throws SQLException {
    return s == null ? NONE : dictionaries.strings().id(s, storeString);
  }

  @Override
  public int list(List<String> l) throws SQLException {
    return dictionaries.lists().id(l, storeList);
  }

  private void storeApi(int id, EventRow.Api v) throws SQLException {
    apiRows.beginRow();
    apiRows.append(id);
    apiRows.append(v.source());
    apiRows.append(v.className());
    apiRows.append(v.classUid());
    Rows.str(apiRows, v.provider());
    Rows.str(apiRows, v.service());
    Rows.str(apiRows, v.operation());
    apiRows.append(loadId);
    apiRows.endRow();
  }

  private void storeActor(int id, EventRow.Actor v) throws SQLException {
    actorRows.beginRow();
    actorRows.append(id);
    Rows.str(actorRows, v.principal());
    Rows.str(actorRows, v.type());
    Rows.str(actorRows, v.userName());
    Rows.str(actorRows, v.accessKey());
    Rows.str(actorRows, v.sessionIssuer());
    actorRows.append(loadId);
    actorRows.endRow();
  }

  private void storeString(int id, String v) throws SQLException {
    stringRows.beginRow();
    stringRows.append(id);
    stringRows.append(v);
    stringRows.append(loadId);
    stringRows.endRow();
  }

  private void storeList(int id, List<String> v) throws SQLException {
    listRows.beginRow();
    listRows.append(id);
    listRows.append(v);
    listRows.append(loadId);
    listRows.endRow();
  }

  /** Flushes and commits; the lane is closed afterwards. */
  void commit() throws SQLException {
    try {
      for (DuckDBAppender a : List.of(events, links, apiRows, actorRows, stringRows, listRows)) {
        a.close();
      }
      try (Statement s = conn.createStatement()) {
        s.execute("COMMIT");
      }
    } finally {
      conn.close();
    }
  }

  /** Closes without committing (the open transaction rolls back). */
  void abandon() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }
}
