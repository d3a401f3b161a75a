package dev.kumo.incident;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups findings into incidents. Two findings join when they share, within the
 * {@linkplain GroupingOptions#window window}, the root of their identity chain (so a stolen key, the
 * roles assumed with it and the sessions after them are one actor), a public source address that
 * few identities use, or, for findings with no identity, a host or resource. Joining is transitive.
 * The result depends only on the findings and the links, never on their input order or the clock.
 * Suppressed findings and findings below {@link GroupingOptions#minLevel} stay out.
 */
public final class IncidentGrouper {
  private final GroupingOptions options;
  private final AttackCatalog catalog;

  /** A grouper; {@code catalog} places each technique under its tactics in the narrative. */
  public IncidentGrouper(GroupingOptions options, AttackCatalog catalog) {
    this.options = options;
    this.catalog = catalog;
  }

  /** The incidents of {@code findings}, oldest first. */
  public List<Incident> group(List<Finding> findings, IdentityChains chains) {
    List<Finding> members = new ArrayList<>();
    for (Finding f : findings) {
      if (f.suppressedBy() == null && f.level().atLeast(options.minLevel())) {
        members.add(f);
      }
    }
    members.sort(Comparator.comparing(Finding::time).thenComparing(FindingOrder.ORDER));
    List<FindingEntities> entities = new ArrayList<>(members.size());
    Map<String, Set<String>> identitiesByAddress = new HashMap<>();
    for (Finding f : members) {
      FindingEntities e = FindingEntities.of(f, chains);
      entities.add(e);
      if (e.address() != null) {
        Set<String> ids = identitiesByAddress.computeIfAbsent(e.address(), k -> new HashSet<>());
        if (e.identity() != null) {
          ids.add(e.identity());
        }
      }
    }
    UnionFind sets = new UnionFind(members.size());
    Map<String, Integer> last = new HashMap<>();
    Map<Integer, Map<String, Integer>> joinsByRoot = new HashMap<>();
    List<Join> joins = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      FindingEntities e = entities.get(i);
      List<String> keys = new ArrayList<>(2 + e.hosts().size());
      if (e.identity() != null) {
        keys.add("identity chain from " + e.identity());
      }
      if (e.address() != null && identitiesByAddress.get(e.address()).size() <= options.maxIdentitiesPerAddress()) {
        keys.add("source address " + e.address());
      }
      for (String h : e.hosts()) {
        keys.add(h);
      }
      for (String key : keys) {
        Integer prev = last.put(key, i);
        if (prev != null && Duration.between(members.get(prev).time(), members.get(i).time())
            .compareTo(options.window()) <= 0) {
          if (sets.union(prev, i)) {
            joins.add(new Join(prev, i, key));
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < members.size(); i++) {
      groups.computeIfAbsent(sets.find(i), k -> new ArrayList<>()).add(i);
    }
    for (Join j : joins) {
      joinsByRoot.computeIfAbsent(sets.find(j.a()), k -> new LinkedHashMap<>()).merge(j.key(), 1, Integer::sum);
    }
    List<Incident> incidents = new ArrayList<>(groups.size());
    IncidentBuilder builder = new IncidentBuilder(chains, options, catalog);
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<Finding> fs = g.getValue().stream().map(members::get).toList();
      incidents.add(builder.build(fs, joinsByRoot.getOrDefault(g.getKey(), Map.of())));
    }
    incidents.sort(Comparator.comparing(Incident::firstSeen).thenComparing(Incident::id));
    return incidents;
  }

  private record Join(int a, int b, String key) {}

  /** Disjoint sets over 0..n-1 whose representative is always the smallest member (hence deterministic). */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    /** Joins the sets of {@code a} and {@code b}; false when they were already one. */
    boolean union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra < rb) {
        parent[rb] = ra;
      } else if (rb < ra) {
        parent[ra] = rb;
      }
      return ra != rb;
    }
  }
}
