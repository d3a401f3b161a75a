package dev.kumo.casestore;

import dev.kumo.incident.IdentityLink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the case's {@code links} table as {@link IdentityLink}s. */
final class LinkRows {
  private LinkRows() {}

  /** Every identity link in the case, by time then event id. */
  static List<IdentityLink> readAll(Connection conn) throws SQLException {
    List<IdentityLink> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT event_id, time, operation,"
        + " account, from_principal, from_key, from_type, to_principal, to_key, role_arn, source_ip FROM links"
        + " ORDER BY time, event_id")) {
      while (rs.next()) {
        out.add(new IdentityLink(rs.getString(1), Objects.requireNonNull(Rows.instant(rs.getObject(2))),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11)));
      }
    }
    return out;
  }
}
