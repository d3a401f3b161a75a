package dev.kumo.ingest.gworkspace;

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
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.gcp.GcpLogEntries;
import dev.kumo.ingest.support.Derived;
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
 * Google Workspace audit activities (admin console, login, Drive, Gmail, tokens ...): Reports API
 * activities ({@code activities.list} pages or single activities, JSON or JSON Lines), Panther's
 * {@code GSuite.ActivityEvent} (one event per record, parameters as an object), and Workspace logs
 * shared into Cloud Logging (entries of {@code admin.googleapis.com} and {@code login.googleapis.com},
 * also inside Pub/Sub sink messages). An activity with several events becomes one record per event.
 * Login events normalize into OCSF Authentication (3002), the others into API Activity (6003).
 *
 * <p>Derived fields (under {@code kumo}), the same for every layout: {@code eventService} (the Cloud
 * Logging service name, {@code admin.googleapis.com}, or else the application name),
 * {@code applicationName}, {@code eventType}, {@code eventName}, and {@code parameters} (name to value).
 */
public final class GoogleWorkspaceSource implements JsonLogSource {
  public static final String ID = "gworkspace";

  /** Login events that record a refused or failed sign-in. */
  private static final Set<String> FAILED_LOGINS = Set.of("login_failure", "suspicious_login",
      "suspicious_login_less_secure_app", "suspicious_programmatic_login", "risky_sensitive_action_blocked");

  /** Members of which an activity (or Panther's curated fragment of one) has at least one beside its id. */
  private static final String[] ACTIVITY_KEYS = {"events", "name", "type", "parameters", "actor", "kind", "ipAddress"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Google Workspace audit activities";
  }

  @Override
  public String examplePath() {
    return "workspace/admin-activities-2024-05-01.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("Reports API activities.list pages {\"items\":[...]} and activities (JSON, JSON Lines)",
        "Workspace logs in Cloud Logging (admin.googleapis.com, login.googleapis.com; also via Pub/Sub)",
        "Panther GSuite.ActivityEvent");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("GSuite.ActivityEvent");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (isActivitiesPage(r)) {
      return true;
    }
    JsonObject id = Values.object(r, "id");
    if (id != null && id.get("applicationName") instanceof String) {
      for (String k : ACTIVITY_KEYS) {
        if (r.has(k)) {
          return true;
        }
      }
      return false;
    }
    return GcpLogEntries.protoPayload(r) != null && GcpLogEntries.isWorkspaceEntry(r) && GcpLogEntries.isLogEntry(r);
  }

  private static boolean isActivitiesPage(JsonObject r) {
    return r.get("items") instanceof JsonArray && r.get("kind") instanceof String k && k.equals("admin#reports#activities");
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    if (isActivitiesPage(r)) {
      List<JsonObject> out = new ArrayList<>();
      for (Object o : (JsonArray) r.get("items")) {
        if (o instanceof JsonObject a) {
          out.add(a);
        }
      }
      return out;
    }
    JsonArray events = r.get("events") instanceof JsonArray a ? a : null;
    if (events == null || events.size() < 2) {
      return null;
    }
    List<JsonObject> out = new ArrayList<>(events.size());
    for (Object e : events) {
      JsonObject.Builder b = JsonObject.builder();
      for (int i = 0, n = r.size(); i < n; i++) {
        b.put(r.keyAt(i), r.keyAt(i).equals("events") ? JsonArray.of(e) : r.valueAt(i));
      }
      out.add(b.build());
    }
    return out;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (isActivitiesPage(r)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD, "container record nested too deep to open; skipped");
    }
    boolean logEntry = GcpLogEntries.protoPayload(r) != null;
    WorkspaceActivity a = logEntry ? WorkspaceActivity.fromLogEntry(r) : WorkspaceActivity.fromReports(r);
    Instant time = Values.time(a.time());
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String id = logEntry ? Values.text(r, "insertId") : null;
    if (id == null && a.uniqueQualifier() != null) {
      id = a.application() + ":" + a.uniqueQualifier() + ":" + time.toEpochMilli() + ":" + a.name();
    }
    if (id == null) {
      id = Values.contentId(r);
    }
    JsonObject.Builder derived = JsonObject.builder().put("eventService", a.service())
        .put("applicationName", a.application()).put("eventType", a.type()).put("eventName", a.name())
        .put("parameters", a.parameters());
    JsonObject raw = Derived.attach(r, derived);
    boolean login = "login".equals(a.application()) || "saml".equals(a.application());
    Authentication auth = login ? authentication(a) : null;
    ApiCall api = new ApiCall(a.service(), a.name(), null, null, null, null);
    if (logEntry) {
      api = withStatus(api, r);
    }
    return new NormalizedEvent(id, time, ID, login ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY,
        new CloudContext("GoogleWorkspace", a.customer(), null), actor(a), source(a.ip()), null, api,
        resources(a.parameters()), auth, raw, origin);
  }

  private static Authentication authentication(WorkspaceActivity a) {
    String name = a.name();
    JsonObject p = a.parameters();
    boolean failed = name != null && (FAILED_LOGINS.contains(name) || name.startsWith("account_disabled"));
    String challenge = Values.text(p, "login_challenge_status");
    if (challenge != null && !challenge.toLowerCase(Locale.ROOT).contains("passed")) {
      failed = true;
    }
    String reason = Values.text(p, "login_failure_type");
    if (reason == null && failed) {
      reason = name;
    }
    String method = Values.text(p, "login_type");
    if (method == null && p.get("login_challenge_method") instanceof JsonArray m && !m.isEmpty()) {
      method = Values.scalarText(m.get(0));
    }
    String application = "saml".equals(a.application()) ? Values.text(p, "application_name") : "Google Workspace";
    return new Authentication(failed ? "failure" : "success", reason, method, application);
  }

  private static ApiCall withStatus(ApiCall api, JsonObject r) {
    JsonObject status = Values.object(GcpLogEntries.protoPayload(r), "status");
    Long code = status == null ? null : Values.number(status, "code");
    if (code == null || code == 0) {
      return api;
    }
    return new ApiCall(api.service(), api.operation(), null, String.valueOf(code), Values.text(status, "message"), null);
  }

  private static Actor actor(WorkspaceActivity a) {
    if (a.actorEmail() == null && a.actorId() == null) {
      return Actor.UNKNOWN;
    }
    String type = a.callerType() != null ? a.callerType() : a.actorEmail() != null ? "USER" : null;
    return new Actor(type, a.actorEmail(), a.actorId(), Values.localPart(a.actorEmail()), null, null, null, null, null);
  }

  private static Endpoint source(@Nullable String ip) {
    if (ip == null) {
      return Endpoint.UNKNOWN;
    }
    return IpAddress.isAddress(ip) ? new Endpoint(ip, null, null, null, false) : new Endpoint(null, ip, null, null, false);
  }

  private static List<ResourceRef> resources(JsonObject p) {
    List<ResourceRef> out = new ArrayList<>(1);
    for (String k : new String[] {"USER_EMAIL", "affected_email_address", "doc_id", "GROUP_EMAIL"}) {
      String v = Values.scalar(p, k);
      if (v != null) {
        out.add(new ResourceRef(v, k.equals("doc_id") ? "document" : k.startsWith("GROUP") ? "group" : "user", null));
      }
    }
    return out;
  }
}
