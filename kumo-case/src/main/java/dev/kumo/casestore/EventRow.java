package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.incident.IdentityLink;
import dev.kumo.incident.IdentityLinks;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.jspecify.annotations.Nullable;

/**
 * One {@code events} row (and the identity link the event records, if any).
 *
 * @param params see {@link EventParams}, or null
 * @param raw the whole original record as JSON text, or null when the case does not keep it
 * @param link the identity link the event records (an STS call that issued a session), or null
 */
record EventRow(NormalizedEvent event, @Nullable String params, @Nullable String raw, List<String> resources,
    @Nullable IdentityLink link) {

  static EventRow of(NormalizedEvent e, boolean keepRaw) {
    List<String> resources = e.resources().stream().map(ResourceRef::uid).filter(Objects::nonNull).toList();
    return new EventRow(e, EventParams.of(e), keepRaw ? e.raw().toJson() : null, resources,
        IdentityLinks.of(e));
  }

  /** Appends the row, in the column order of {@code events}. */
  void append(DuckDBAppender a, int loadId) throws SQLException {
    NormalizedEvent e = event;
    a.beginRow();
    a.append(e.id());
    Rows.time(a, e.time());
    a.append(e.source());
    a.append(e.ocsfClass().caption());
    a.append(e.ocsfClass().uid());
    Rows.str(a, e.cloud().provider());
    Rows.str(a, e.cloud().account());
    Rows.str(a, e.cloud().region());
    Rows.str(a, e.actor().principal());
    Rows.str(a, e.actor().identityType());
    Rows.str(a, e.actor().userName());
    Rows.str(a, e.actor().accessKeyId());
    Rows.str(a, e.actor().sessionIssuer());
    if (e.actor().mfa() == null) {
      a.appendNull();
    } else {
      a.append(e.actor().mfa().booleanValue());
    }
    Rows.str(a, e.src().ip());
    Rows.str(a, e.src().userAgent());
    Rows.str(a, e.api().service());
    Rows.str(a, e.api().operation());
    Rows.str(a, e.api().errorCode());
    Rows.list(a, resources.isEmpty() ? null : resources);
    a.append(e.origin().file());
    a.append(e.origin().line());
    Rows.str(a, params);
    Rows.str(a, raw);
    a.append(loadId);
    a.endRow();
  }

  /** Appends the link to {@code links}. */
  static void appendLink(DuckDBAppender a, IdentityLink l, int loadId) throws SQLException {
    a.beginRow();
    a.append(l.eventId());
    Rows.time(a, l.time());
    a.append(l.operation());
    Rows.str(a, l.account());
    Rows.str(a, l.fromPrincipal());
    Rows.str(a, l.fromKey());
    Rows.str(a, l.fromType());
    Rows.str(a, l.toPrincipal());
    Rows.str(a, l.toKey());
    Rows.str(a, l.roleArn());
    Rows.str(a, l.sourceIp());
    a.append(loadId);
    a.endRow();
  }
}
