package dev.kumo.finding;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.intel.IntelHit;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key fields of an event, as carried by findings (enough to triage and to find the raw record).
 *
 * @param sourceIp the source address, or the calling service's name
 * @param destination the destination address (with port) for network, DNS and HTTP events
 * @param service the API's service, or what the log says was acted on (for other classes)
 * @param operation the API operation, or the source's short label of what happened
 * @param resources ids (ARNs, names) of the resources the event touched, at most {@link #MAX_RESOURCES}
 * @param intel the threat-intel indicators the event's values matched (sorted), usually none
 */
public record EventSummary(
    String id,
    Instant time,
    String source,
    @Nullable String account,
    @Nullable String region,
    @Nullable String principal,
    @Nullable String principalType,
    @Nullable String accessKeyId,
    @Nullable String sourceIp,
    @Nullable String destination,
    @Nullable String userAgent,
    @Nullable String service,
    @Nullable String operation,
    @Nullable String errorCode,
    List<String> resources,
    String file,
    long line,
    List<IntelHit> intel) implements Serializable {

  /** Resources kept per summary; the raw record has them all. */
  public static final int MAX_RESOURCES = 5;

  public EventSummary {
    resources = List.copyOf(resources);
    intel = List.copyOf(intel);
  }

  /** A summary without intel hits. */
  public EventSummary(String id, Instant time, String source, @Nullable String account, @Nullable String region,
      @Nullable String principal, @Nullable String principalType, @Nullable String accessKeyId,
      @Nullable String sourceIp, @Nullable String destination, @Nullable String userAgent, @Nullable String service,
      @Nullable String operation, @Nullable String errorCode, List<String> resources, String file, long line) {
    this(id, time, source, account, region, principal, principalType, accessKeyId, sourceIp, destination, userAgent,
        service, operation, errorCode, resources, file, line, List.of());
  }

  /** This summary with the given intel hits. */
  public EventSummary withIntel(List<IntelHit> hits) {
    return new EventSummary(id, time, source, account, region, principal, principalType, accessKeyId, sourceIp,
        destination, userAgent, service, operation, errorCode, resources, file, line, hits);
  }

  public static EventSummary of(NormalizedEvent e) {
    return new EventSummary(e.id(), e.time(), e.source(), e.cloud().account(), e.cloud().region(),
        e.actor().label(), e.actor().identityType(), e.actor().accessKeyId(), e.src().label(),
        e.dst() == null ? null : e.dst().labelWithPort(), e.src().userAgent(), e.api().service(), e.api().operation(),
        e.api().errorCode(), resources(e), e.origin().file(), e.origin().line());
  }

  private static List<String> resources(NormalizedEvent e) {
    if (e.resources().isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(Math.min(MAX_RESOURCES, e.resources().size()));
    for (ResourceRef r : e.resources()) {
      if (r.uid() != null && out.size() < MAX_RESOURCES && !out.contains(r.uid())) {
        out.add(r.uid());
      }
    }
    return out;
  }
}
