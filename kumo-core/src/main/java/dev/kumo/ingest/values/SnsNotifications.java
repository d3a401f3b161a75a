package dev.kumo.ingest.values;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import org.jspecify.annotations.Nullable;

/**
 * Amazon SNS notifications ({@code {"Type":"Notification","Message":"<JSON text>",...}}), as SNS
 * delivers them to SQS, HTTPS and email-JSON subscribers: the payload is a JSON document inside the
 * {@code Message} string.
 */
public final class SnsNotifications {
  private static final JsonTreeReader EMBEDDED = new JsonTreeReader(100, 16 * 1024 * 1024);

  private SnsNotifications() {}

  /** Whether {@code r} is an SNS notification whose message text contains {@code marker} (cheap). */
  public static boolean carries(JsonObject r, String marker) {
    return "Notification".equals(r.get("Type")) && r.get("Message") instanceof String m && m.contains(marker);
  }

  /**
   * The JSON object inside the notification's message, or null when {@code r} is not a
   * notification.
   *
   * @throws InvalidRecordException when the message is not a JSON object
   */
  public static @Nullable JsonObject message(JsonObject r) {
    if (!"Notification".equals(r.get("Type")) || !(r.get("Message") instanceof String m)) {
      return null;
    }
    Object inner;
    try {
      inner = EMBEDDED.read(m);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON,
          "SNS Message is not JSON: " + e.getMessage() + "; skipped");
    }
    if (!(inner instanceof JsonObject o)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "SNS Message is not a JSON object; skipped");
    }
    return o;
  }
}
