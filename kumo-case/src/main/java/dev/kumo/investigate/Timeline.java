package dev.kumo.investigate;

import dev.kumo.incident.IdentityLink;
import java.util.List;

/**
 * A timeline: the identity chain around the seed and the events of every identity in it.
 *
 * @param ancestry the hops that led to the seed identity, oldest first (who became this role)
 * @param descendants the sessions the seed identity started, directly or through later hops
 * @param entries the events, oldest first (at most the seed's limit)
 * @param total how many events matched in all (more than {@code entries.size()} when cut at the limit)
 */
public record Timeline(TimelineSeed seed, List<IdentityLink> ancestry, List<IdentityLink> descendants,
    List<TimelineEntry> entries, long total) {
  public Timeline {
    ancestry = List.copyOf(ancestry);
    descendants = List.copyOf(descendants);
    entries = List.copyOf(entries);
  }

  /** Whether the timeline was cut at the seed's limit. */
  public boolean truncated() {
    return total > entries.size();
  }
}
