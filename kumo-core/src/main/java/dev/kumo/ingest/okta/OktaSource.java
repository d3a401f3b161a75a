package dev.kumo.ingest.okta;

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
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Okta System Log events ({@code /api/v1/logs} pages, JSON Lines exports, EventBridge log streaming
 * {@code detail}, and Panther {@code Okta.SystemLog} with its lower-cased keys). Sign-ins
 * ({@code user.session.start}, {@code user.authentication.*}) normalize into OCSF Authentication
 * (3002), everything else into API Activity (6003).
 */
public final class OktaSource implements JsonLogSource {
  public static final String ID = "okta";

  private static final String[] MARKERS = {"published", "uuid", "legacyEventType", "displayMessage"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Okta System Log";
  }

  @Override
  public String examplePath() {
    return "okta/system-log-2024-05-01.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("System Log API /api/v1/logs pages (JSON arrays) and JSON Lines exports",
        "EventBridge log streaming (detail)", "Panther Okta.SystemLog (lower-cased keys)");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("Okta.SystemLog");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.AUTHENTICATION;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return isEvent(r) || r.get("detail") instanceof JsonObject d && r.get("source") instanceof String s
        && s.contains("okta") && isEvent(d);
  }

  private static boolean isEvent(JsonObject r) {
    if (!(Values.member(r, "eventType") instanceof String type) || type.indexOf('.') < 0) {
      return false;
    }
    for (String m : MARKERS) {
      if (Values.member(r, m) != null) {
        return true;
      }
    }
    return Values.object(r, "actor") != null && Values.member(r, "client") != null;
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    return !isEvent(r) && r.get("detail") instanceof JsonObject d ? List.of(d) : null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    String type = Values.text(r, "eventType");
    Instant time = Values.time(Values.member(r, "published"));
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String id = Values.text(r, "uuid");
    if (id == null) {
      id = Values.contentId(r);
    }
    JsonObject outcome = Values.object(r, "outcome");
    String result = Values.text(outcome, "result");
    String reason = Values.text(outcome, "reason");
    boolean failed = result != null && !result.equalsIgnoreCase("SUCCESS") && !result.equalsIgnoreCase("ALLOW");
    boolean signIn = type != null && (type.startsWith("user.session.start") || type.startsWith("user.authentication."));
    List<ResourceRef> targets = targets(r);
    Authentication auth = null;
    if (signIn) {
      JsonObject ctx = Values.object(r, "authenticationContext");
      String method = Values.text(ctx, "credentialType");
      if (method == null) {
        method = Values.text(ctx, "authenticationProvider");
      }
      auth = new Authentication(failed ? "failure" : "success", reason != null ? reason : failed ? result : null,
          method, application(r));
    }
    JsonObject debug = Values.object(r, "debugContext", "debugData");
    ApiCall api = new ApiCall("okta", type, Values.text(debug, "requestId"), failed ? result : null,
        failed ? reason : null, null);
    return new NormalizedEvent(id, time, ID, signIn ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY,
        new CloudContext("Okta", null, null), actor(Values.object(r, "actor")), source(Values.object(r, "client")), null,
        api, targets, auth, r, origin);
  }

  private static Actor actor(@Nullable JsonObject a) {
    if (a == null) {
      return Actor.UNKNOWN;
    }
    String alternate = Values.text(a, "alternateId");
    String display = Values.text(a, "displayName");
    String id = Values.text(a, "id");
    if (alternate == null && display == null && id == null) {
      return Actor.UNKNOWN;
    }
    return new Actor(Values.text(a, "type"), alternate != null && !alternate.equals("unknown") ? alternate : display, id,
        display, null, null, null, null, null);
  }

  private static Endpoint source(@Nullable JsonObject client) {
    if (client == null) {
      return Endpoint.UNKNOWN;
    }
    String ip = Values.text(client, "ipAddress");
    String ua = Values.text(Values.object(client, "userAgent"), "rawUserAgent");
    if (ip != null && !IpAddress.isAddress(ip)) {
      return new Endpoint(null, ip, null, ua, false);
    }
    return new Endpoint(ip, null, null, ua, false);
  }

  private static @Nullable String application(JsonObject r) {
    JsonArray targets = Values.array(r, "target");
    if (targets != null) {
      for (Object o : targets) {
        if (o instanceof JsonObject t && "AppInstance".equalsIgnoreCase(Values.text(t, "type"))) {
          String name = Values.text(t, "displayName");
          return name != null ? name : Values.text(t, "alternateId");
        }
      }
    }
    return "Okta";
  }

  private static List<ResourceRef> targets(JsonObject r) {
    JsonArray targets = Values.array(r, "target");
    if (targets == null || targets.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(targets.size());
    for (Object o : targets) {
      if (o instanceof JsonObject t) {
        String uid = Values.text(t, "alternateId");
        if (uid == null || uid.toLowerCase(Locale.ROOT).equals("unknown")) {
          uid = Values.text(t, "id");
        }
        out.add(new ResourceRef(uid, Values.text(t, "type"), null));
      }
    }
    return out;
  }
}
