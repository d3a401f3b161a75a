package dev.kumo.testing;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonObject;
import java.time.Instant;

/** Builds events for tests. */
public final class Events {
  private static int counter;

  private Events() {}


  /** An event of {@code source} that carries only a raw record and a time (for rule tests). */
  public static NormalizedEvent raw(JsonObject raw, Instant time, String source) {
    String id = raw.getString("eventID");
    return NormalizedEvent.rawOnly(id != null ? id : "test-" + (++counter), time, source, raw,
        new Origin("test.json", 1, 1));
  }
}
