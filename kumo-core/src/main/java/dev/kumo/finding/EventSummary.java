package dev.kumo.finding;

import dev.kumo.event.NormalizedEvent;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The key fields of an event, as carried by findings (enough to triage and to find the raw record).
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
    @Nullable String userAgent,
    @Nullable String service,
    @Nullable String operation,
    @Nullable String errorCode,
    String file,
    long line) implements Serializable {

  public static EventSummary of(NormalizedEvent e) {
    return new EventSummary(e.id(), e.time(), e.source(), e.cloud().account(), e.cloud().region(),
        e.actor().label(), e.actor().identityType(), e.actor().accessKeyId(), e.src().label(),
        e.src().userAgent(), e.api().service(), e.api().operation(), e.api().errorCode(), e.origin().file(),
        e.origin().line());
  }
}
