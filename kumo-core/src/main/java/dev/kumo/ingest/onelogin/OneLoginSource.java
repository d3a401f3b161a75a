package dev.kumo.ingest.onelogin;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OneLogin events: Events API pages ({@code {"data":[...]}}), Event Broadcaster and SIEM exports
 * (JSON Lines) and Panther {@code OneLogin.Events}. Sign-ins (event types 5, logged in, and 6,
 * failed authentication) normalize into OCSF Authentication (3002), the rest into API Activity (6003).
 */
public final class OneLoginSource implements JsonLogSource {
  public static final String ID = "onelogin";

  private static final long LOGGED_IN = 5;
  private static final long FAILED_AUTHENTICATION = 6;

  /** Names of the event types detections use, for the findings table. */
  private static final Map<Long, String> NAMES = Map.of(3L, "user assumed another user", 5L, "user logged in",
      6L, "user failed authentication", 13L, "user created", 532L, "user locked via API", 551L,
      "user suspended via API", 553L, "user locked via API");

  private static final String[] MARKERS = {"user_id", "actor_user_id", "account_id", "created_at", "user_name",
      "app_name", "ipaddr", "actor_system"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "OneLogin events";
  }

  @Override
  public String examplePath() {
    return "onelogin/events-2024-05-01.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("Events API pages {\"data\":[...]}", "Event Broadcaster and exports (JSON Lines)",
        "Panther OneLogin.Events");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("OneLogin.Events");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.AUTHENTICATION;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (isEvent(r)) {
      return true;
    }
    return r.get("data") instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject first && isEvent(first);
  }

  private static boolean isEvent(JsonObject r) {
    if (Values.number(r, "event_type_id") == null) {
      return false;
    }
    for (String m : MARKERS) {
      if (r.has(m)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    if (isEvent(r) || !(r.get("data") instanceof JsonArray a)) {
      return null;
    }
    List<JsonObject> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject e) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Long type = Values.number(r, "event_type_id");
    Instant time = Values.time(r.get("created_at"));
    if (time == null) {
      time = Values.time(r.get("p_event_time"));
    }
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String id = Values.scalar(r, "id");
    if (id == null) {
      id = Values.scalar(r, "uuid");
    }
    if (id == null) {
      id = Values.contentId(r);
    }
    boolean signIn = type != null && (type == LOGGED_IN || type == FAILED_AUTHENTICATION);
    Authentication auth = null;
    if (signIn) {
      boolean failed = type == FAILED_AUTHENTICATION;
      String reason = Values.text(r, "error_description");
      if (reason == null && failed) {
        reason = Values.text(r, "notes");
      }
      auth = new Authentication(failed ? "failure" : "success", reason, null,
          Values.text(r, "app_name") != null ? Values.text(r, "app_name") : "OneLogin");
    }
    String name = type == null ? null : NAMES.get(type);
    String op = type == null ? null : name == null ? "event type " + type : name + " (" + type + ")";
    String ip = Values.text(r, "ipaddr");
    Endpoint src = ip == null || IpAddress.isAddress(ip) ? new Endpoint(ip, null, null, null, false)
        : new Endpoint(null, ip, null, null, false);
    return new NormalizedEvent(id, time, ID, signIn ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY,
        new CloudContext("OneLogin", Values.scalar(r, "account_id"), null), actor(r), src, null,
        new ApiCall("onelogin", op, null, null, null, null), resources(r), auth, r, origin);
  }

  private static Actor actor(JsonObject r) {
    String name = Values.text(r, "actor_user_name");
    String id = Values.scalar(r, "actor_user_id");
    if (name == null && id == null) {
      name = Values.text(r, "user_name");
      id = Values.scalar(r, "user_id");
    }
    String system = Values.text(r, "actor_system");
    if (name == null && id == null) {
      return system == null ? Actor.UNKNOWN : new Actor("System", system, null, system, null, null, null, null, null);
    }
    return new Actor("User", name != null ? name : id, id, name, null, null, null, null, null);
  }

  private static List<ResourceRef> resources(JsonObject r) {
    List<ResourceRef> out = new ArrayList<>(2);
    String user = Values.text(r, "user_name");
    if (user == null) {
      user = Values.scalar(r, "user_id");
    }
    if (user != null) {
      out.add(new ResourceRef(user, "user", null));
    }
    String app = Values.text(r, "app_name");
    if (app != null) {
      out.add(new ResourceRef(app, "app", null));
    }
    return out;
  }
}
