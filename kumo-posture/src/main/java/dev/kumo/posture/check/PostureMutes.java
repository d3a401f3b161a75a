package dev.kumo.posture.check;

import dev.kumo.posture.inventory.Resource;
import dev.kumo.tuning.Glob;
import dev.kumo.tuning.MuteEntry;
import dev.kumo.tuning.Mutelist;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Accepted risks: the hunt's mutelist format applied to posture results. An entry mutes a failing result when
 * every criterion it gives matches: {@code rules} the check id, {@code account} the resource's account,
 * {@code region} its region, {@code resource} its id or name. Entries that also name event criteria
 * (principal, source IP, user agent, event name, log source, fields) are about findings and never match a
 * posture result. Expired entries are not applied.
 */
public final class PostureMutes {
  private final Mutelist mutelist;

  /** Applies the entries of {@code mutelist} active on {@code day}. */
  public PostureMutes(Mutelist mutelist, LocalDate day) {
    this.mutelist = mutelist.activeOn(day);
  }

  /** The results with every matched failure turned {@link Status#MUTED}, naming the entry and its reason. */
  public List<CheckResult> apply(List<CheckResult> results) {
    if (mutelist.isEmpty()) {
      return results;
    }
    List<CheckResult> out = new ArrayList<>(results.size());
    for (CheckResult r : results) {
      MuteEntry e = r.status() == Status.FAIL ? match(r) : null;
      out.add(e == null ? r : new CheckResult(r.check(), r.resource(), Status.MUTED,
          r.detail() + " (muted by " + e.name() + ": " + e.reason() + ", owner " + e.owner() + ", until "
              + e.expires() + ")", r.source()));
    }
    return out;
  }

  private @Nullable MuteEntry match(CheckResult r) {
    for (MuteEntry e : mutelist.entries()) {
      if (matches(e, r)) {
        return e;
      }
    }
    return null;
  }

  static boolean matches(MuteEntry e, CheckResult r) {
    if (!e.principals().isEmpty() || !e.sourceIps().isEmpty() || !e.userAgents().isEmpty()
        || !e.eventNames().isEmpty() || !e.logSources().isEmpty() || !e.fields().isEmpty()) {
      return false;
    }
    Resource res = r.resource();
    return any(e.rules(), r.check().id()) && any(e.accounts(), res.account()) && any(e.regions(), res.region())
        && (any(e.resources(), res.id()) || any(e.resources(), res.name()));
  }

  /** True when {@code globs} is empty (no criterion) or one matches. */
  private static boolean any(List<Glob> globs, String value) {
    return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(value));
  }
}
