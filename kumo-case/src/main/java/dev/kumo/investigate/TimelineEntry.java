package dev.kumo.investigate;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event of a timeline, with the findings on it.
 *
 * @param hop where the acting identity sits in the chain: 0 for the seed, negative for identities it
 *     came from (-1: the one that assumed it), positive for sessions it started
 * @param findings the findings on this event as {@code level: rule title}, most severe first
 */
public record TimelineEntry(Instant time, String eventId, String source, @Nullable String account,
    @Nullable String region, @Nullable String principal, @Nullable String accessKey, @Nullable String sourceIp,
    @Nullable String userAgent, @Nullable String service, @Nullable String operation, @Nullable String errorCode,
    List<String> resources, int hop, List<String> findings) {
  public TimelineEntry {
    resources = List.copyOf(resources);
    findings = List.copyOf(findings);
  }
}
