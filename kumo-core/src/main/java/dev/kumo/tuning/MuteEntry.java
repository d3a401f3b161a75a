package dev.kumo.tuning;

import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One mutelist entry: findings that match every criterion it gives are suppressed. A criterion with
 * several values matches when any value does; an absent criterion matches everything.
 *
 * @param name how the entry is referred to in counts and in {@code suppressed_by}
 * @param reason why these findings are benign (required)
 * @param owner who vouches for the entry (required)
 * @param expires the last day the entry applies (required); after it the entry warns and is ignored
 * @param rules rule ids, names or titles (globs)
 * @param sourceIps addresses or CIDR networks
 * @param fields raw record paths to globs; only single-event rule findings carry the raw record, so
 *     an entry with {@code fields} never matches correlation or detector findings
 * @param line where the entry starts in its file
 */
public record MuteEntry(String name, String reason, String owner, LocalDate expires, List<Glob> rules,
    List<Glob> principals, List<Glob> accounts, List<Glob> regions, List<IpNetwork> sourceIps,
    List<Glob> resources, List<Glob> userAgents, List<Glob> eventNames, List<Glob> logSources,
    Map<String, List<Glob>> fields, String file, int line) implements Serializable {

  public MuteEntry {
    rules = List.copyOf(rules);
    principals = List.copyOf(principals);
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    sourceIps = List.copyOf(sourceIps);
    resources = List.copyOf(resources);
    userAgents = List.copyOf(userAgents);
    eventNames = List.copyOf(eventNames);
    logSources = List.copyOf(logSources);
    fields = Map.copyOf(fields);
  }

  /** Whether the entry applies on {@code day} (its expiry day included). */
  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  /**
   * Whether the finding matches every criterion.
   *
   * @param raw the matched event's raw record for single-event rule findings, else null
   */
  public boolean matches(Finding f, @Nullable JsonObject raw) {
    EventSummary e = f.event();
    if (!rules.isEmpty() && !(any(rules, f.ruleId()) || any(rules, f.ruleName()) || any(rules, f.ruleTitle()))) {
      return false;
    }
    if (!any(principals, e.principal()) || !any(accounts, e.account()) || !any(regions, e.region())
        || !any(userAgents, e.userAgent()) || !any(eventNames, e.operation()) || !any(logSources, e.source())) {
      return false;
    }
    if (!sourceIps.isEmpty() && !inNetworks(e.sourceIp())) {
      return false;
    }
    if (!resources.isEmpty() && e.resources().stream().noneMatch(r -> any(resources, r))) {
      return false;
    }
    if (!fields.isEmpty()) {
      if (raw == null) {
        return false;
      }
      for (Map.Entry<String, List<Glob>> c : fields.entrySet()) {
        boolean[] hit = {false};
        FieldPath.of(c.getKey()).forEachLeaf(raw, v -> {
          if (!hit[0] && v != null && any(c.getValue(), dev.kumo.json.JsonText.scalarText(v))) {
            hit[0] = true;
          }
        });
        if (!hit[0]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Empty criteria match anything; otherwise the value must be present and match a glob. */
  private static boolean any(List<Glob> globs, @Nullable String value) {
    if (globs.isEmpty()) {
      return true;
    }
    if (value == null) {
      return false;
    }
    for (Glob g : globs) {
      if (g.matches(value)) {
        return true;
      }
    }
    return false;
  }

  private boolean inNetworks(@Nullable String ip) {
    byte[] a = ip == null ? null : IpAddress.parse(ip);
    if (a == null) {
      return false;
    }
    for (IpNetwork n : sourceIps) {
      if (n.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
