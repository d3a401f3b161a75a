package dev.kumo.serve.ingest;

import dev.kumo.testing.CloudTrailEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail records with known distinct event ids, for ingest tests. */
final class Records {
  private Records() {}

  /** A harmless call with id {@code id}. */
  static String quiet(String id) {
    return CloudTrailEvents.event().id(id).time(Instant.parse("2026-03-10T10:00:00Z").toString()).json();
  }

  /** A call a built-in rule reports (CloudTrail logging stopped). */
  static String alarming(String id) {
    return CloudTrailEvents.event().id(id).call("cloudtrail.amazonaws.com", "StopLogging")
        .request("{\"name\":\"main-trail\"}").json();
  }

  /** Quiet records {@code prefix-from} .. {@code prefix-(to-1)}. */
  static List<String> quiet(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(quiet(prefix + "-" + i));
    }
    return out;
  }

  /** A CloudTrail delivery file. */
  static String deliveryFile(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  /** JSON Lines. */
  static String lines(List<String> records) {
    return String.join("\n", records) + "\n";
  }
}
