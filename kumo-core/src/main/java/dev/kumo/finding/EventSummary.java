package dev.kumo.finding;

import dev.kumo.event.NormalizedEvent;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The key fields of an event, as carried by findings (enough to triage and to find the raw record).
 *
 * @param sourceIp the source address, or the calling service's name
 * @param destination the destination address (with port) for network, DNS and HTTP events
 * @param service the API's service, or what the log says was acted on (for other classes)
 * @param operation the API operation, or the source's short label of what happened
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
    String file,
    long line) implements Serializable {

  public static EventSummary of(NormalizedEvent e) {
    return new EventSummary(e.id(), e.time(), e.source(), e.cloud().account(), e.cloud().region(),
        e.actor().label(), e.actor().identityType(), e.actor().accessKeyId(), e.src().label(),
        e.dst() == null ? null : e.dst().labelWithPort(), e.src().userAgent(), e.api().service(), e.api().operation(),
        e.api().errorCode(), e.origin().file(), e.origin().line());
  }
}
