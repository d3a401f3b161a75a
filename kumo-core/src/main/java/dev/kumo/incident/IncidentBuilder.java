package dev.kumo.incident;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns one group of findings into an {@link Incident}: its fields, severity, title and reasons. */
final class IncidentBuilder {
  /** Resources listed per incident. */
  static final int MAX_RESOURCES = 50;
  /** Reasons listed per incident. */
  static final int MAX_WHY = 12;
  private static final Set<Tactic> ENTRY = EnumSet.of(Tactic.INITIAL_ACCESS, Tactic.CREDENTIAL_ACCESS);
  private static final Set<Tactic> OUTCOME = EnumSet.of(Tactic.IMPACT, Tactic.EXFILTRATION);

  private final IdentityChains chains;
  private final GroupingOptions options;
  private final AttackCatalog catalog;

  IncidentBuilder(IdentityChains chains, GroupingOptions options, AttackCatalog catalog) {
    this.chains = chains;
    this.options = options;
    this.catalog = catalog;
  }

  /** {@code findings} are in time order; {@code joins} counts, per shared entity, the joins that merged two groups. */
  Incident build(List<Finding> findings, Map<String, Integer> joins) {
    Set<String> principals = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    Set<String> accounts = new TreeSet<>();
    Set<String> regions = new TreeSet<>();
    Set<String> ips = new TreeSet<>();
    Set<String> resources = new TreeSet<>();
    Set<String> threats = new TreeSet<>();
    Set<String> techniques = new TreeSet<>();
    Level level = Level.INFORMATIONAL;
    Instant first = findings.get(0).time();
    Instant lastSeen = first;
    List<FindingKey> members = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      EventSummary e = f.event();
      addIfPresent(principals, e.principal());
      addIfPresent(keys, e.accessKeyId());
      addIfPresent(accounts, e.account());
      addIfPresent(regions, e.region());
      addIfPresent(ips, e.sourceIp());
      for (String r : e.resources()) {
        if (resources.size() < MAX_RESOURCES) {
          resources.add(r);
        }
      }
      threats.addAll(f.threats());
      techniques.addAll(f.rule().techniques());
      if (f.level().atLeast(level)) {
        level = f.level();
      }
      if (f.time().isAfter(lastSeen)) {
        lastSeen = f.time();
      }
      members.add(FindingKey.of(f));
    }
    List<NarrativeStep> narrative = Narrative.of(findings, catalog);
    Set<Tactic> reached = EnumSet.noneOf(Tactic.class);
    narrative.forEach(s -> reached.add(s.tactic()));
    if (level != Level.CRITICAL && reached.stream().anyMatch(ENTRY::contains)
        && reached.stream().anyMatch(OUTCOME::contains)) {
      level = Level.values()[level.ordinal() + 1];
    }
    String title = title(findings, narrative, principals);
    return new Incident(id(findings.get(0)), title, level, first, lastSeen, List.copyOf(principals),
        List.copyOf(keys), List.copyOf(accounts), List.copyOf(regions), List.copyOf(ips), List.copyOf(resources),
        List.copyOf(threats), List.copyOf(techniques), narrative, why(findings, joins), members);
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null && !value.isEmpty()) {
      set.add(value);
    }
  }

  /** "Impact: <most severe rule> by <who>"; the tactic is the furthest the chain reached. */
  private static String title(List<Finding> findings, List<NarrativeStep> narrative, Set<String> principals) {
    Finding top = findings.get(0);
    for (Finding f : findings) {
      if (f.level().ordinal() > top.level().ordinal()) {
        top = f;
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!narrative.isEmpty()) {
      sb.append(narrative.get(narrative.size() - 1).tactic().displayName()).append(": ");
    }
    sb.append(top.ruleTitle());
    if (!principals.isEmpty()) {
      sb.append(" by ").append(shortName(principals.iterator().next()));
      if (principals.size() > 1) {
        sb.append(" and ").append(principals.size() - 1).append(" more");
      }
    } else if (top.event().sourceIp() != null) {
      sb.append(" from ").append(top.event().sourceIp());
    }
    return sb.toString();
  }

  /** The last path segment of an ARN-like name, e.g. {@code deploy} for {@code arn:aws:iam::1:user/deploy}. */
  static String shortName(String principal) {
    int slash = principal.indexOf('/');
    return slash < 0 ? principal : principal.substring(slash + 1);
  }

  private List<String> why(List<Finding> findings, Map<String, Integer> joins) {
    List<String> why = new ArrayList<>();
    if (joins.isEmpty()) {
      why.add("a single finding: no other finding shares its identity chain, source address or host within "
          + format(options.window()));
      return why;
    }
    for (Map.Entry<String, Integer> j : new TreeMap<>(joins).entrySet()) {
      if (why.size() == MAX_WHY) {
        why.add("... and " + (joins.size() - MAX_WHY) + " more shared entities");
        break;
      }
      why.add("joined by " + j.getKey() + " (" + j.getValue() + (j.getValue() == 1 ? " link" : " links")
          + ", each within " + format(options.window()) + " of the previous finding)");
    }
    Set<String> seen = new TreeSet<>();
    for (Finding f : findings) {
      List<IdentityLink> hops = chains.ancestry(f.event().principal(), f.event().accessKeyId());
      if (!hops.isEmpty() && seen.add(f.event().principal() + " " + f.event().accessKeyId())
          && why.size() < MAX_WHY + 6) {
        StringBuilder sb = new StringBuilder("role chain: ");
        sb.append(hops.get(0).fromPrincipal() != null ? hops.get(0).fromPrincipal() : hops.get(0).fromKey());
        for (IdentityLink l : hops) {
          sb.append(" -> ").append(l.operation()).append(" -> ")
              .append(l.toPrincipal() != null ? l.toPrincipal() : l.toKey());
        }
        why.add(sb.toString());
      }
    }
    return why;
  }

  private static String format(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }

  /** {@code INC-} and 12 hex digits of the SHA-256 of the earliest finding's key. */
  static String id(Finding earliest) {
    FindingKey k = FindingKey.of(earliest);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((k.ruleId() + '\n' + k.eventId() + '\n' + k.group())
          .getBytes(StandardCharsets.UTF_8));
      return "INC-" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
