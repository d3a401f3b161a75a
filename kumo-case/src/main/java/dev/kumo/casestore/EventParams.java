package dev.kumo.casestore;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a record that say what a call asked for and got back, which the normalized columns do
 * not hold: CloudTrail's {@code requestParameters}, {@code responseElements} and
 * {@code additionalEventData}, Google Cloud audit's {@code protoPayload.request} and
 * {@code protoPayload.response}, Azure's {@code properties}. Stored as one small JSON object per event
 * ({@code events.params}), so the case stays small and fast to load while bucket names, role ARNs and
 * issued keys stay queryable ({@code json_extract_string(params, '$.requestParameters.bucketName')}).
 */
final class EventParams {
  private static final List<Part> PARTS = List.of(new Part("requestParameters"), new Part("responseElements"),
      new Part("additionalEventData"), new Part("request", "protoPayload.request"),
      new Part("response", "protoPayload.response"), new Part("properties"));

  private EventParams() {}

  private record Part(String name, FieldPath path) {
    Part(String name) {
      this(name, FieldPath.of(name));
    }

    Part(String name, String path) {
      this(name, FieldPath.of(path));
    }
  }

  /** The parts present in {@code e}'s record as a JSON object, or null when it has none. */
  static @Nullable String of(NormalizedEvent e) {
    StringBuilder sb = null;
    for (Part p : PARTS) {
      Object v = p.path().first(e.raw());
      if (v == null || v == JsonNull.INSTANCE) {
        continue;
      }
      sb = sb == null ? new StringBuilder("{") : sb.append(',');
      JsonText.append(sb, p.name());
      sb.append(':');
      JsonText.append(sb, v);
    }
    return sb == null ? null : sb.append('}').toString();
  }
}
