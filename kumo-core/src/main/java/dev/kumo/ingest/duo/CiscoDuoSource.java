package dev.kumo.ingest.duo;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.support.EmbeddedJson;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cisco Duo logs from the Admin API: authentication logs (v2, {@code event_type} authentication or
 * enrollment) and administrator logs ({@code action}, {@code username}), as API responses
 * ({@code {"stat":"OK","response":...}}), JSON Lines exports, or Panther {@code Duo.Authentication}
 * and {@code Duo.Administrator}. Authentications and administrator logins normalize into OCSF
 * Authentication (3002), other administrator actions into API Activity (6003).
 */
public final class CiscoDuoSource implements JsonLogSource {
  public static final String ID = "cisco.duo";

  private static final Set<String> AUTH_TYPES = Set.of("authentication", "enrollment");
  private static final int MAX_DESCRIPTION = 4096;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Cisco Duo";
  }

  @Override
  public String examplePath() {
    return "duo/authentication-logs-2024-05-01.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("Admin API responses {\"stat\":\"OK\",\"response\":...} (authentication v2, administrator)",
        "JSON Lines exports", "Panther Duo.Authentication and Duo.Administrator");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("Duo.Authentication", "Duo.Administrator");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.AUTHENTICATION;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (isAuthentication(r) || isAdministrator(r)) {
      return true;
    }
    List<JsonObject> inner = responseRecords(r);
    return inner != null && !inner.isEmpty() && (isAuthentication(inner.get(0)) || isAdministrator(inner.get(0)));
  }

  private static boolean isAuthentication(JsonObject r) {
    return r.get("event_type") instanceof String t && AUTH_TYPES.contains(t) && (r.has("factor") || r.has("result"))
        && (r.has("txid") || r.has("access_device") || r.has("auth_device") || r.get("user") instanceof JsonObject);
  }

  private static boolean isAdministrator(JsonObject r) {
    return r.get("action") instanceof String && r.get("username") instanceof String && r.has("isotimestamp")
        && !r.has("actor");
  }

  /** The log records of an Admin API response, or null when {@code r} is not one. */
  private static @Nullable List<JsonObject> responseRecords(JsonObject r) {
    if (!(r.get("stat") instanceof String)) {
      return null;
    }
    Object response = r.get("response");
    JsonArray list = response instanceof JsonArray a ? a
        : response instanceof JsonObject o && o.get("authlogs") instanceof JsonArray a ? a : null;
    if (list == null) {
      return null;
    }
    List<JsonObject> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (o instanceof JsonObject e) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    return isAuthentication(r) || isAdministrator(r) ? null : responseRecords(r);
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Instant time = Values.time(r.get("isotimestamp"));
    if (time == null) {
      time = Values.time(r.get("timestamp"));
    }
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String id = Values.text(r, "txid");
    if (id == null) {
      id = Values.contentId(r);
    }
    return isAuthentication(r) || !r.has("action") ? authentication(r, id, time, origin) : administrator(r, id, time, origin);
  }

  private static NormalizedEvent authentication(JsonObject r, String id, Instant time, Origin origin) {
    String result = Values.text(r, "result");
    String reason = Values.text(r, "reason");
    boolean success = "success".equalsIgnoreCase(result);
    JsonObject app = r.getObject("application");
    JsonObject user = r.getObject("user");
    String userName = Values.text(user, "name");
    Actor actor = userName == null ? Actor.UNKNOWN
        : new Actor("User", userName, Values.text(user, "key"), userName, null, null, null, null, null);
    JsonObject device = r.getObject("access_device");
    String type = Values.text(r, "event_type");
    String op = type == null ? result : result == null ? type : type + " " + result;
    return new NormalizedEvent(id, time, ID, OcsfClass.AUTHENTICATION, new CloudContext("Duo", null, null), actor,
        endpoint(Values.text(device, "ip"), null), null,
        new ApiCall("duo", op, null, null, null, null), List.of(),
        new Authentication(success ? "success" : "failure", reason, Values.text(r, "factor"), Values.text(app, "name")),
        r, origin);
  }

  private static NormalizedEvent administrator(JsonObject r, String id, Instant time, Origin origin) {
    String action = Values.text(r, "action");
    String admin = Values.text(r, "username");
    Actor actor = admin == null ? Actor.UNKNOWN : new Actor("Administrator", admin, null, admin, null, null, null, null, null);
    JsonObject description = description(r);
    Endpoint src = endpoint(Values.text(description, "ip_address"), null);
    String object = Values.text(r, "object");
    List<ResourceRef> resources = object == null ? List.of() : List.of(new ResourceRef(object, null, null));
    boolean login = action != null && action.startsWith("admin_login");
    Authentication auth = null;
    if (login) {
      boolean failed = action.contains("error") || action.contains("fail");
      auth = new Authentication(failed ? "failure" : "success", failed ? Values.text(description, "error") : null,
          Values.text(description, "factor"), "Duo Admin Panel");
    }
    return new NormalizedEvent(id, time, ID, login ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY,
        new CloudContext("Duo", null, null), actor, src, null, new ApiCall("duo", action, null, null, null, null),
        resources, auth, r, origin);
  }

  /** The administrator log's {@code description}, a JSON object in a string for most actions. */
  private static @Nullable JsonObject description(JsonObject r) {
    if (r.get("description") instanceof JsonObject o) {
      return o;
    }
    if (!(r.get("description") instanceof String d) || d.length() > MAX_DESCRIPTION || !EmbeddedJson.looksLikeObject(d)) {
      return null;
    }
    try {
      return EmbeddedJson.parse(d, "description");
    } catch (InvalidRecordException e) {
      return null; // free text that happens to start with '{': kept in the raw record only
    }
  }

  private static Endpoint endpoint(@Nullable String ip, @Nullable String ua) {
    if (ip == null || IpAddress.isAddress(ip)) {
      return new Endpoint(ip, null, null, ua, false);
    }
    return new Endpoint(null, ip, null, ua, false);
  }
}
