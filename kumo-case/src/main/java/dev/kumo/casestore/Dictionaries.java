package dev.kumo.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The dictionaries of one load, one per table of repeating values, each continuing the ids the
 * case already has.
 */
record Dictionaries(Dictionary<EventRow.Api> apis, Dictionary<EventRow.Actor> actors, Dictionary<String> strings,
    Dictionary<List<String>> lists) {
  /** Values each dictionary remembers before it starts again (bounds its memory). */
  static final int CAPACITY = 1 << 18;

  /** The tables of repeating values, with their id columns and the {@code event_rows} columns that refer to them. */
  static final List<Table> TABLES = List.of(new Table("apis", "api_id", List.of("api_id")),
      new Table("actors", "actor_id", List.of("actor_id")),
      new Table("strings", "string_id", List.of("user_agent_id", "file_id")),
      new Table("resource_lists", "list_id", List.of("resources_id")));

  /** A table of repeating values. */
  record Table(String name, String id, List<String> referencedBy) {}

  /** New dictionaries whose ids follow those in the case. */
  static Dictionaries continuing(Statement s) throws SQLException {
    return new Dictionaries(new Dictionary<>(next(s, TABLES.get(0)), CAPACITY),
        new Dictionary<>(next(s, TABLES.get(1)), CAPACITY), new Dictionary<>(next(s, TABLES.get(2)), CAPACITY),
        new Dictionary<>(next(s, TABLES.get(3)), CAPACITY));
  }

  private static int next(Statement s, Table t) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT coalesce(max(" + t.id() + "), 0) + 1 FROM " + t.name())) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
