package dev.kumo.event;

import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One log entry, normalized. Aligned with OCSF (class, time, cloud, actor, src_endpoint, api,
 * resources, metadata.uid); the raw record stays available by dotted path for Sigma rules.
 * Immutable and thread-safe.
 *
 * @param id the event's unique id (CloudTrail {@code eventID}); derived from content when absent
 * @param source the log source id, e.g. {@code aws.cloudtrail}
 */
public record NormalizedEvent(
    String id,
    Instant time,
    String source,
    OcsfClass ocsfClass,
    CloudContext cloud,
    Actor actor,
    Endpoint src,
    ApiCall api,
    List<ResourceRef> resources,
    JsonObject raw,
    Origin origin) implements Serializable {

  public NormalizedEvent {
    resources = List.copyOf(resources);
  }

  /**
   * An event that carries only its raw record: for records whose source has no normalizer, such as
   * rule test events of log sources Kumo does not read.
   */
  public static NormalizedEvent rawOnly(String id, Instant time, String source, JsonObject raw, Origin origin) {
    return new NormalizedEvent(id, time, source, OcsfClass.API_ACTIVITY, new CloudContext("unknown", null, null),
        Actor.UNKNOWN, Endpoint.UNKNOWN, ApiCall.UNKNOWN, List.of(), raw, origin);
  }

  /** The first value at a dotted path of the raw record, as text; null when absent. */
  public @Nullable String field(String dottedPath) {
    return FieldPath.of(dottedPath).firstText(raw);
  }
}
