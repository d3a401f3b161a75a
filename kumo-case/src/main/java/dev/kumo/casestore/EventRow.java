package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.incident.IdentityLink;
import dev.kumo.incident.IdentityLinks;
import java.sql.SQLException;
import java.util.ArrayList;
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
    List<String> resources = List.of();
    if (!e.resources().isEmpty()) {
      List<String> uids = new ArrayList<>(e.resources().size());
      for (ResourceRef r : e.resources()) {
        if (r.uid() != null) {
          uids.add(r.uid());
        }
      }
      resources = uids;
    }
    return new EventRow(e, EventParams.of(e), keepRaw ? e.raw().toJson() : null, resources,
        IdentityLinks.of(e));
  }

  /**
   * Appends the row, in the column order of {@code event_rows}, with the values that repeat from
   * event to event replaced by their ids in {@code values}.
   */
  void append(DuckDBAppender a, int loadId, Values values) throws SQLException {
    NormalizedEvent e = event;
    a.beginRow();
    a.append(e.id());
    Rows.time(a, e.time());
    a.append(values.api(new Api(e.source(), e.ocsfClass().caption(), e.ocsfClass().uid(), e.cloud().provider(),
        e.api().service(), e.api().operation())));
    Rows.str(a, e.cloud().account());
    Rows.str(a, e.cloud().region());
    Actor actor = new Actor(e.actor().principal(), e.actor().identityType(), e.actor().userName(),
        e.actor().accessKeyId(), e.actor().sessionIssuer());
    Rows.id(a, actor.isEmpty() ? Values.NONE : values.actor(actor));
    if (e.actor().mfa() == null) {
      a.appendNull();
    } else {
      a.append(e.actor().mfa().booleanValue());
    }
    Rows.str(a, e.src().ip());
    Rows.id(a, values.string(e.src().userAgent()));
    Rows.str(a, e.api().errorCode());
    Rows.id(a, resources.isEmpty() ? Values.NONE : values.list(resources));
    Rows.id(a, values.string(e.origin().file()));
    a.append(e.origin().line());
    Rows.str(a, params);
    Rows.str(a, raw);
    a.append(loadId);
    a.endRow();
  }

  /** The {@code actors} columns of an event. */
  record Actor(@Nullable String principal, @Nullable String type, @Nullable String userName,
      @Nullable String accessKey, @Nullable String sessionIssuer) {
    boolean isEmpty() {
      return principal == null && type == null && userName == null && accessKey == null && sessionIssuer == null;
    }

    // Written out: looked up once per event, and faster than the generated record methods there.
    @Override
    public boolean equals(Object o) {
      return o instanceof Actor a && Objects.equals(principal, a.principal) && Objects.equals(accessKey, a.accessKey)
          && Objects.equals(type, a.type) && Objects.equals(userName, a.userName)
          && Objects.equals(sessionIssuer, a.sessionIssuer);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(principal);
      h = 31 * h + Objects.hashCode(type);
      h = 31 * h + Objects.hashCode(userName);
      h = 31 * h + Objects.hashCode(accessKey);
      return 31 * h + Objects.hashCode(sessionIssuer);
    }
  }

  /** The {@code apis} columns of an event. */
  record Api(String source, String className, int classUid, @Nullable String provider, @Nullable String service,
      @Nullable String operation) {
    // Written out: looked up once per event, and faster than the generated record methods there.
    @Override
    public boolean equals(Object o) {
      return o instanceof Api a && classUid == a.classUid && Objects.equals(operation, a.operation)
          && Objects.equals(service, a.service) && source.equals(a.source) && className.equals(a.className)
          && Objects.equals(provider, a.provider);
    }

    @Override
    public int hashCode() {
      int h = source.hashCode();
      h = 31 * h + classUid;
      h = 31 * h + Objects.hashCode(provider);
      h = 31 * h + Objects.hashCode(service);
      return 31 * h + Objects.hashCode(operation);
    }
  }

  /** Ids for the values that repeat from event to event (see {@code Lane}). */
  interface Values {
    /** The id meaning "no value" (stored as NULL). */
    int NONE = 0;

    /** The id of {@code api} in {@code apis}. */
    int api(Api api) throws SQLException;

    /** The id of the non-empty {@code actor} in {@code actors}. */
    int actor(Actor actor) throws SQLException;

    /** The id of {@code s} in {@code strings}, or {@link #NONE} for null. */
    int string(@Nullable String s) throws SQLException;

    /** The id of the non-empty list {@code l} in {@code resource_lists}. */
    int list(List<String> l) throws SQLException;
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
