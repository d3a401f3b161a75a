package dev.kumo.event;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One log entry, normalized. Aligned with OCSF (class, time, cloud, actor, src_endpoint,
 * dst_endpoint, api, resources, metadata.uid, plus the class-specific {@link Details}); the raw
 * record stays available by dotted path for Sigma rules. Immutable and thread-safe.
 *
 * @param id the event's unique id (CloudTrail {@code eventID}); derived from content when absent
 * @param time when it happened; {@link #UNKNOWN_TIME} when the record has no usable timestamp
 * @param source the log source id, e.g. {@code aws.cloudtrail}
 * @param dst the destination endpoint for network, DNS and HTTP events
 * @param details the class-specific part, or null for plain API activity
 */
public record NormalizedEvent(
    String id,
    Instant time,
    String source,
    OcsfClass ocsfClass,
    CloudContext cloud,
    Actor actor,
    Endpoint src,
    @Nullable Endpoint dst,
    ApiCall api,
    List<ResourceRef> resources,
    @Nullable Details details,
    JsonObject raw,
    Origin origin) implements Serializable {

  /** The time given to events whose record has no usable timestamp (they are kept and counted). */
  public static final Instant UNKNOWN_TIME = Instant.EPOCH;

  public NormalizedEvent {
    resources = List.copyOf(resources);
  }

  /**
   * An event that carries only its raw record: for records whose source has no normalizer, such as
   * rule test events of log sources Kumo does not read.
   */
  public static NormalizedEvent rawOnly(String id, Instant time, String source, JsonObject raw, Origin origin) {
    return new NormalizedEvent(id, time, source, OcsfClass.API_ACTIVITY, new CloudContext("unknown", null, null),
        Actor.UNKNOWN, Endpoint.UNKNOWN, null, ApiCall.UNKNOWN, List.of(), null, raw, origin);
  }

  /** The first value at a dotted path of the raw record, as text; null when absent. */
  public @Nullable String field(String dottedPath) {
    return FieldPath.of(dottedPath).firstText(raw);
  }
}
