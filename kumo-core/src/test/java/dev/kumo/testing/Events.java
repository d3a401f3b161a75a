package dev.kumo.testing;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Builds events for tests. */
public final class Events {
  private static int counter;

  private Events() {}


  /** An event of {@code source} that carries only a raw record and a time (for rule tests). */
  public static NormalizedEvent raw(JsonObject raw, Instant time, String source) {
    String id = raw.getString("eventID");
    return new NormalizedEvent(id != null ? id : "test-" + (++counter), time, source, OcsfClass.API_ACTIVITY,
        new CloudContext("test", null, null), Actor.UNKNOWN, Endpoint.UNKNOWN, ApiCall.UNKNOWN, List.of(), raw,
        new Origin("test.json", 1, 1));
  }
}
