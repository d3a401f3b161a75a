package dev.kumo.casestore;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.jspecify.annotations.Nullable;

/** Small conversions shared by the row writers and readers: nullable appends and UTC times. */
final class Rows {
  private Rows() {}

  static void str(DuckDBAppender a, @Nullable String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  /** Appends a value id, 0 standing for none (NULL). */
  static void id(DuckDBAppender a, int id) throws SQLException {
    if (id == 0) {
      a.appendNull();
    } else {
      a.append(id);
    }
  }

  static void time(DuckDBAppender a, @Nullable Instant t) throws SQLException {
    if (t == null) {
      a.appendNull();
    } else {
      a.appendEpochMicros(micros(t));
    }
  }

  static void list(DuckDBAppender a, @Nullable List<String> l) throws SQLException {
    if (l == null) {
      a.appendNull();
    } else {
      a.append(l);
    }
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  /** A TIMESTAMP column read back as an instant (the case stores UTC). */
  static @Nullable Instant instant(@Nullable Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp ts) {
      return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (o instanceof java.time.LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    throw new IllegalArgumentException("not a timestamp: " + o.getClass().getName());
  }

  /** A VARCHAR[] column read back as strings (null for NULL). */
  static @Nullable List<String> strings(@Nullable Object o) throws SQLException {
    if (o == null) {
      return null;
    }
    Object[] items = (Object[]) ((java.sql.Array) o).getArray();
    String[] out = new String[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = items[i] == null ? null : items[i].toString();
    }
    return java.util.Arrays.asList(out);
  }
}
