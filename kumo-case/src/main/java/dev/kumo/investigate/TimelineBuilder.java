package dev.kumo.investigate;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.IdentityChains;
import dev.kumo.incident.IdentityLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Timeline} from a case. For principal, key and session seeds it follows the identity
 * chain both ways with {@link IdentityChains}: back to the credential the seed came from (the hops
 * before it and what those identities did) and forward through the sessions the seed started.
 * Address and resource seeds list the events of that address or resource. Findings are attached to
 * their events; suppressed findings are left out.
 */
public final class TimelineBuilder {
  private static final Pattern ACCESS_KEY = Pattern.compile("(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,124}");
  private static final Map<String, Integer> SEVERITY = Map.of("critical", 0, "high", 1, "medium", 2, "low", 3,
      "informational", 4);
  private static final String COLUMNS = "e.time, e.id, e.source, e.account, e.region, e.principal, e.access_key,"
      + " e.source_ip, e.user_agent, e.service, e.operation, e.error_code, e.resources, f.findings";

  private final CaseQuery query;

  public TimelineBuilder(CaseQuery query) {
    this.query = query;
  }

  public Timeline build(TimelineSeed seed) throws IOException {
    Identities ids = new Identities();
    List<IdentityLink> ancestry = List.of();
    List<IdentityLink> descendants = List.of();
    List<Object> params = new ArrayList<>();
    String where;
    switch (seed.kind()) {
      case IP -> {
        where = "e.source_ip = ?";
        params.add(seed.value());
      }
      case RESOURCE -> {
        where = "list_contains(e.resources, ?)";
        params.add(seed.value());
      }
      default -> {
        IdentityChains chains = new IdentityChains(query.links());
        seedIdentities(seed, ids);
        ancestry = role(seed) ? assumers(chains, ids, seed.value()) : ancestry(chains, ids);
        descendants = chains.descendants(ids.principals(0), ids.keys(0));
        addDescendants(descendants, ids);
        where = ids.condition(params);
      }
    }
    String range = "";
    if (seed.from() != null) {
      range += " AND e.time >= ?";
      params.add(seed.from());
    }
    if (seed.to() != null) {
      range += " AND e.time < ?";
      params.add(seed.to());
    }
    String from = " FROM events e LEFT JOIN (SELECT event_id, list(level || ': ' || rule_title) AS findings"
        + " FROM findings WHERE suppressed_by IS NULL GROUP BY event_id) f ON f.event_id = e.id WHERE (" + where + ")"
        + range;
    long total = ((Number) query.rows("SELECT count(*)" + from, params).get(0).get(0)).longValue();
    List<Object> limited = new ArrayList<>(params);
    limited.add(seed.limit());
    List<TimelineEntry> entries = new ArrayList<>();
    query.run("SELECT " + COLUMNS + from + " ORDER BY e.time, e.id LIMIT ?", limited, new CaseQuery.RowSink() {
      @Override
      public void columns(List<String> names) {}

      @Override
      public void row(List<@Nullable Object> v) {
        entries.add(entry(v, ids));
      }
    });
    return new Timeline(seed, ancestry, descendants, entries, total);
  }

  private void seedIdentities(TimelineSeed seed, Identities ids) throws IOException {
    String v = seed.value();
    switch (seed.kind()) {
      case ACCESS_KEY -> ids.key(v, 0);
      case PRINCIPAL -> {
        ids.principal(v, 0);
        if (v.contains(":role/")) {
          ids.issuer(v);
        }
      }
      case SESSION -> {
        if (ACCESS_KEY.matcher(v).matches() || ((Number) query.rows("SELECT count(*) FROM events"
            + " WHERE access_key = ?", List.of(v)).get(0).get(0)).longValue() > 0) {
          ids.key(v, 0);
        } else {
          for (List<@Nullable Object> r : query.rows("SELECT DISTINCT principal FROM events"
              + " WHERE principal LIKE '%/' || ? ORDER BY 1", List.of(v))) {
            ids.principal((String) r.get(0), 0);
          }
          if (ids.isEmpty()) {
            ids.principal(v, 0);
          }
        }
      }
      default -> throw new IllegalArgumentException("not an identity seed: " + seed.kind());
    }
  }

  private static boolean role(TimelineSeed seed) {
    return seed.kind() == TimelineSeed.Kind.PRINCIPAL && seed.value().contains(":role/");
  }

  /** For a role seed: who assumed the role (hop -1) and the sessions they got (hop 0). */
  private static List<IdentityLink> assumers(IdentityChains chains, Identities ids, String roleArn) {
    List<IdentityLink> links = chains.assumersOf(roleArn);
    for (IdentityLink l : links) {
      if (l.toKey() != null) {
        ids.key(l.toKey(), 0);
      }
      if (l.byService()) {
        continue;
      }
      if (l.fromKey() != null) {
        ids.key(l.fromKey(), -1);
      } else if (l.fromPrincipal() != null) {
        ids.principal(l.fromPrincipal(), -1);
      }
    }
    return links;
  }

  /** The hops before the seed; each hop's caller becomes an identity at hop -n. */
  private static List<IdentityLink> ancestry(IdentityChains chains, Identities ids) {
    List<IdentityLink> chain = new ArrayList<>();
    for (String k : ids.keys(0)) {
      chain = longest(chain, chains.ancestry(null, k));
    }
    for (String p : ids.principals(0)) {
      chain = longest(chain, chains.ancestry(p, null));
    }
    for (int i = 0; i < chain.size(); i++) {
      IdentityLink l = chain.get(i);
      int hop = -(chain.size() - i);
      if (l.fromKey() != null) {
        ids.key(l.fromKey(), hop);
      } else if (l.fromPrincipal() != null) {
        ids.principal(l.fromPrincipal(), hop);
      }
    }
    return chain;
  }

  private static List<IdentityLink> longest(List<IdentityLink> a, List<IdentityLink> b) {
    return b.size() > a.size() ? b : a;
  }

  private static void addDescendants(List<IdentityLink> links, Identities ids) {
    for (IdentityLink l : links) {
      Integer parent = l.fromKey() != null ? ids.hopOfKey(l.fromKey()) : null;
      if (parent == null && l.fromPrincipal() != null) {
        parent = ids.hopOfPrincipal(l.fromPrincipal());
      }
      int hop = (parent == null ? 0 : Math.max(parent, 0)) + 1;
      if (l.toKey() != null) {
        ids.key(l.toKey(), hop);
      } else if (l.toPrincipal() != null) {
        ids.principal(l.toPrincipal(), hop);
      }
    }
  }

  private static TimelineEntry entry(List<@Nullable Object> v, Identities ids) {
    List<String> findings = new ArrayList<>(strings(v.get(13)));
    findings.sort(Comparator.comparing((String f) -> SEVERITY.getOrDefault(f.substring(0, Math.max(0,
        f.indexOf(':'))), 5)).thenComparing(Comparator.naturalOrder()));
    String principal = (String) v.get(5);
    String key = (String) v.get(6);
    Integer hop = key == null ? null : ids.hopOfKey(key);
    if (hop == null && principal != null) {
      hop = ids.hopOfPrincipal(principal);
    }
    return new TimelineEntry(CaseQuery.instant(v.get(0)), (String) v.get(1), (String) v.get(2), (String) v.get(3),
        (String) v.get(4), principal, key, (String) v.get(7), (String) v.get(8), (String) v.get(9),
        (String) v.get(10), (String) v.get(11), strings(v.get(12)), hop == null ? 0 : hop, findings);
  }

  private static List<String> strings(@Nullable Object o) {
    if (o == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) o) {
      if (item != null) {
        out.add(item.toString());
      }
    }
    return out;
  }

  /** The identities of a timeline with their hop; the first hop given to an identity wins. */
  private static final class Identities {
    private final Map<String, Integer> keys = new LinkedHashMap<>();
    private final Map<String, Integer> principals = new LinkedHashMap<>();
    private final List<String> issuers = new ArrayList<>();

    void key(String k, int hop) {
      keys.putIfAbsent(k, hop);
    }

    void principal(String p, int hop) {
      principals.putIfAbsent(p, hop);
    }

    void issuer(String roleArn) {
      issuers.add(roleArn);
    }

    boolean isEmpty() {
      return keys.isEmpty() && principals.isEmpty() && issuers.isEmpty();
    }

    @Nullable Integer hopOfKey(String k) {
      return keys.get(k);
    }

    @Nullable Integer hopOfPrincipal(String p) {
      return principals.get(p);
    }

    List<String> keys(int hop) {
      return keys.entrySet().stream().filter(e -> e.getValue() == hop).map(Map.Entry::getKey).toList();
    }

    List<String> principals(int hop) {
      return principals.entrySet().stream().filter(e -> e.getValue() == hop).map(Map.Entry::getKey).toList();
    }

    /** The SQL condition matching these identities, with its parameters appended to {@code params}. */
    String condition(List<Object> params) {
      List<String> parts = new ArrayList<>();
      in("e.access_key", keys.keySet(), parts, params);
      in("e.principal", principals.keySet(), parts, params);
      in("e.session_issuer", Set.copyOf(issuers), parts, params);
      return parts.isEmpty() ? "false" : String.join(" OR ", parts);
    }

    private static void in(String column, java.util.Collection<String> values, List<String> parts,
        List<Object> params) {
      if (!values.isEmpty()) {
        parts.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
        params.addAll(values);
      }
    }
  }
}
