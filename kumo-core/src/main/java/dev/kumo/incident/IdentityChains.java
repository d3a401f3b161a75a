package dev.kumo.incident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who became whom: an index over {@link IdentityLink}s that walks session chains backwards (which
 * credential a session came from, up to the original one) and forwards (which sessions an identity
 * started). Identities are principals (ARNs or names) and access key ids. Immutable once built.
 */
public final class IdentityChains {
  /** Longest chain walked; real chains are a handful of hops. */
  static final int MAX_DEPTH = 16;

  private final Map<String, IdentityLink> byToKey = new HashMap<>();
  private final Map<String, List<IdentityLink>> byToPrincipal = new HashMap<>();
  private final Map<String, List<IdentityLink>> byFromKey = new HashMap<>();
  private final Map<String, List<IdentityLink>> byFromPrincipal = new HashMap<>();
  private final Map<String, List<IdentityLink>> byRole = new HashMap<>();

  public IdentityChains(Collection<IdentityLink> links) {
    List<IdentityLink> sorted = new ArrayList<>(links);
    sorted.sort(Comparator.comparing(IdentityLink::time).thenComparing(IdentityLink::eventId));
    for (IdentityLink l : sorted) {
      if (l.toKey() != null) {
        byToKey.putIfAbsent(l.toKey(), l);
      }
      if (l.toPrincipal() != null) {
        byToPrincipal.computeIfAbsent(l.toPrincipal(), k -> new ArrayList<>()).add(l);
      }
      if (l.fromKey() != null) {
        byFromKey.computeIfAbsent(l.fromKey(), k -> new ArrayList<>()).add(l);
      }
      if (l.fromPrincipal() != null) {
        byFromPrincipal.computeIfAbsent(l.fromPrincipal(), k -> new ArrayList<>()).add(l);
      }
      if (l.roleArn() != null) {
        byRole.computeIfAbsent(l.roleArn(), k -> new ArrayList<>()).add(l);
      }
    }
  }

  /**
   * The link that issued the identity, or null when none is known. A key is issued once; a
   * principal may be issued many times (renewed sessions), and is followed only when every issuing
   * link came from the same caller (else the chain is ambiguous and ends here).
   */
  public @Nullable IdentityLink issuer(@Nullable String principal, @Nullable String key) {
    if (key != null) {
      IdentityLink l = byToKey.get(key);
      if (l != null) {
        return l;
      }
    }
    if (principal != null) {
      List<IdentityLink> ls = byToPrincipal.get(principal);
      if (ls != null) {
        String from = ls.get(0).fromPrincipal();
        for (IdentityLink l : ls) {
          if (from == null || !from.equals(l.fromPrincipal())) {
            return null;
          }
        }
        return ls.get(ls.size() - 1);
      }
    }
    return null;
  }

  /**
   * The links from the original credential down to this identity, oldest hop first. The walk stops
   * at a credential nobody issued in the logs, at a session a cloud service issued (instance
   * credentials: the instance session is the origin), and at cycles.
   */
  public List<IdentityLink> ancestry(@Nullable String principal, @Nullable String key) {
    Deque<IdentityLink> chain = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    IdentityLink l = issuer(principal, key);
    while (l != null && !l.byService() && chain.size() < MAX_DEPTH && seen.add(l.eventId())) {
      chain.addFirst(l);
      l = issuer(l.fromPrincipal(), l.fromKey());
    }
    return List.copyOf(chain);
  }

  /**
   * The identity at the start of the chain: the principal (else key) of the original credential.
   * Null when the identity has neither principal nor key.
   */
  public @Nullable String root(@Nullable String principal, @Nullable String key) {
    List<IdentityLink> chain = ancestry(principal, key);
    if (chain.isEmpty()) {
      return principal != null ? principal : key;
    }
    IdentityLink first = chain.get(0);
    return first.fromPrincipal() != null ? first.fromPrincipal() : first.fromKey();
  }

  /** The links that assumed role {@code roleArn} (who became the role), by time. */
  public List<IdentityLink> assumersOf(String roleArn) {
    return List.copyOf(byRole.getOrDefault(roleArn, List.of()));
  }

  /**
   * Every link started, directly or through later hops, by the given identities: what they became
   * next. Sorted by time.
   */
  public List<IdentityLink> descendants(Collection<String> principals, Collection<String> keys) {
    Set<IdentityLink> out = new LinkedHashSet<>();
    Deque<IdentityLink> todo = new ArrayDeque<>();
    for (String p : principals) {
      todo.addAll(byFromPrincipal.getOrDefault(p, List.of()));
    }
    for (String k : keys) {
      todo.addAll(byFromKey.getOrDefault(k, List.of()));
    }
    while (!todo.isEmpty() && out.size() < 100_000) {
      IdentityLink l = todo.poll();
      if (out.add(l)) {
        if (l.toKey() != null) {
          todo.addAll(byFromKey.getOrDefault(l.toKey(), List.of()));
        }
        if (l.toPrincipal() != null && l.toKey() == null) {
          todo.addAll(byFromPrincipal.getOrDefault(l.toPrincipal(), List.of()));
        }
      }
    }
    List<IdentityLink> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing(IdentityLink::time).thenComparing(IdentityLink::eventId));
    return sorted;
  }
}
