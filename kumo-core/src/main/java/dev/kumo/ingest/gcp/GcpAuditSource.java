package dev.kumo.ingest.gcp;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.support.Derived;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Google Cloud Audit Logs (admin activity, data access, system event, policy denied; GKE audit
 * entries are among them with service {@code k8s.io}): {@code LogEntry} objects whose
 * {@code protoPayload} is an {@code AuditLog}, as {@code gcloud logging read --format=json} (a JSON
 * array), Cloud Storage sinks (JSON Lines), the Logging API ({@code {"entries":[...]}}), Pub/Sub
 * sinks (base64 {@code message.data}) and Panther ({@code GCP.AuditLog}, some keys lower-cased)
 * write them. Normalizes into OCSF API Activity (6003).
 *
 * <p>Other Cloud Logging entries in the same export (application logs with a {@code textPayload} or
 * {@code jsonPayload}) are read too, as API activity named after their log, so that mixed exports
 * need no filtering. Not claimed: Google Workspace entries (source {@code gworkspace}) and request
 * logs with an {@code httpRequest} (load balancers, Cloud Run), VPC flow, firewall and Cloud DNS logs.
 *
 * <p>Derived fields (under {@code kumo}): {@code logId}, the decoded log id of {@code logName}
 * ({@code cloudaudit.googleapis.com/activity}); {@code serviceAccountKeyId}, the id of the service
 * account key a call authenticated with, or that {@code CreateServiceAccountKey} created.
 */
public final class GcpAuditSource implements JsonLogSource {
  public static final String ID = "gcp.audit";

  /** Log ids of platform logs other sources read. */
  private static final String[] FOREIGN_LOGS = {"vpc_flows", "firewall", "dns_queries", "/requests"};

  private static final Set<String> GOOGLE_AGENT_DOMAINS = Set.of("cloudservices.gserviceaccount.com",
      "system.gserviceaccount.com", "cloudbuild.gserviceaccount.com");

  private static final String[] RPC_CODES = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
      "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Google Cloud Audit Logs";
  }

  @Override
  public String examplePath() {
    return "gs://audit-sink/cloudaudit.googleapis.com/activity/2024/05/01/00:00:00_00:59:59_S0.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("gcloud logging read --format=json (JSON array)", "Cloud Storage sink files (JSON Lines)",
        "Logging API entries.list pages {\"entries\":[...]}", "Pub/Sub sink messages (base64 message.data)",
        "Panther GCP.AuditLog");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("GCP.AuditLog");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (GcpLogEntries.isPubSubMessage(r)) {
      return true;
    }
    if (r.get("entries") instanceof JsonArray) {
      return GcpLogEntries.entriesPage(r) != null;
    }
    return GcpLogEntries.isLogEntry(r) && !GcpLogEntries.isWorkspaceEntry(r) && !GcpLogEntries.isRequestLog(r)
        && !isForeignPlatformLog(r);
  }

  private static boolean isForeignPlatformLog(JsonObject r) {
    if (GcpLogEntries.protoPayload(r) != null) {
      return false;
    }
    String logName = Values.text(r, "logName");
    if (logName == null) {
      return false;
    }
    for (String f : FOREIGN_LOGS) {
      if (logName.contains(f)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    if (GcpLogEntries.isPubSubMessage(r)) {
      return List.of(GcpLogEntries.pubSubEntry(r));
    }
    return r.get("entries") instanceof JsonArray ? GcpLogEntries.entriesPage(r) : null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (GcpLogEntries.isPubSubMessage(r) || r.get("entries") instanceof JsonArray) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "container record nested too deep to open; skipped");
    }
    JsonObject pp = GcpLogEntries.protoPayload(r);
    JsonObject auth = pp == null ? null : Values.object(pp, "authenticationInfo");
    JsonObject meta = pp == null ? null : Values.object(pp, "requestMetadata");
    String logName = Values.text(r, "logName");
    String insertId = Values.text(r, "insertId");
    String id = insertId != null ? insertId : Values.contentId(r);
    JsonObject.Builder derived = JsonObject.builder();
    String logId = GcpLogEntries.logId(logName);
    derived.put("logId", logId);
    String method = pp != null ? Values.text(pp, "methodName") : Values.text(r, "methodName");
    derived.put("serviceAccountKeyId", serviceAccountKeyId(pp, auth, method));
    JsonObject raw = Derived.attach(r, derived);
    String resourceType = Values.text(Values.object(r, "resource"), "type");
    return new NormalizedEvent(id, time(r, pp, meta), ID, OcsfClass.API_ACTIVITY,
        new CloudContext("GCP", GcpLogEntries.owner(r), region(r, pp)), actor(auth), source(meta, auth),
        null, api(r, pp, method, logId, resourceType), resources(pp, resourceType), null, raw, origin);
  }

  private static Instant time(JsonObject r, @Nullable JsonObject pp, @Nullable JsonObject meta) {
    Instant t = Values.time(Values.member(r, "timestamp"));
    if (t == null) {
      t = Values.time(Values.member(r, "receiveTimestamp"));
    }
    JsonObject attributes = Values.object(meta, "requestAttributes");
    if (t == null && attributes != null) {
      t = Values.time(Values.member(attributes, "time"));
    }
    if (t == null && pp != null) {
      t = Values.time(Values.member(pp, "timestamp"));
    }
    return t == null ? NormalizedEvent.UNKNOWN_TIME : t;
  }

  private static @Nullable String region(JsonObject r, @Nullable JsonObject pp) {
    JsonObject labels = Values.object(r, "resource", "labels");
    for (String k : new String[] {"location", "zone", "region"}) {
      String v = Values.text(labels, k);
      if (v != null) {
        return v;
      }
    }
    JsonArray locations = Values.array(Values.object(pp, "resourceLocation"), "currentLocations");
    return locations != null && !locations.isEmpty() && locations.get(0) instanceof String s ? s : null;
  }

  static Actor actor(@Nullable JsonObject auth) {
    if (auth == null) {
      return Actor.UNKNOWN;
    }
    String email = Values.text(auth, "principalEmail");
    String subject = Values.text(auth, "principalSubject");
    String delegator = null;
    JsonArray chain = Values.array(auth, "serviceAccountDelegationInfo");
    if (chain != null && !chain.isEmpty() && chain.get(0) instanceof JsonObject first) {
      JsonObject p = Values.object(first, "firstPartyPrincipal");
      delegator = p != null ? Values.text(p, "principalEmail") : null;
      if (delegator == null) {
        JsonObject third = Values.object(first, "thirdPartyPrincipal");
        delegator = third == null ? null : Values.scalar(third, "thirdPartyClaims");
      }
    }
    String label = email != null ? email : subject;
    if (label == null && delegator == null) {
      return Actor.UNKNOWN;
    }
    return new Actor(identityType(email, subject), label, subject, Values.localPart(email),
        Values.text(auth, "serviceAccountKeyName"), null, null, delegator, null);
  }

  private static @Nullable String identityType(@Nullable String email, @Nullable String subject) {
    if (subject != null && subject.startsWith("principal")) {
      return "FederatedIdentity";
    }
    if (email == null) {
      return null;
    }
    if (email.endsWith(".gserviceaccount.com")) {
      return "ServiceAccount";
    }
    if (email.startsWith("system:")) {
      return "KubernetesIdentity";
    }
    return email.indexOf('@') > 0 ? "User" : null;
  }

  private static Endpoint source(@Nullable JsonObject meta, @Nullable JsonObject auth) {
    String ip = Values.text(meta, "callerIp");
    String ua = Values.text(meta, "callerSuppliedUserAgent");
    if (ip != null && IpAddress.isAddress(ip)) {
      return new Endpoint(ip, null, null, ua, false);
    }
    String email = Values.text(auth, "principalEmail");
    boolean agent = email != null && (email.contains("@gcp-sa-") || GOOGLE_AGENT_DOMAINS.contains(
        email.substring(email.indexOf('@') + 1)));
    return new Endpoint(null, ip, null, ua, agent && ip == null);
  }

  private static ApiCall api(JsonObject r, @Nullable JsonObject pp, @Nullable String method, @Nullable String logId,
      @Nullable String resourceType) {
    if (pp == null) {
      String service = method != null ? Values.text(r, "serviceName") : resourceType;
      String op = method != null ? method : logId;
      return new ApiCall(service, op, null, null, null, null);
    }
    String errorCode = null;
    String errorMessage = null;
    JsonObject status = Values.object(pp, "status");
    if (status != null) {
      Long code = Values.number(status, "code");
      if (code != null && code != 0) {
        errorCode = code > 0 && code < RPC_CODES.length ? RPC_CODES[(int) (long) code] : String.valueOf(code);
      }
      errorMessage = errorCode == null ? null : Values.text(status, "message");
    }
    JsonObject op = Values.object(r, "operation");
    return new ApiCall(Values.text(pp, "serviceName"), method, op == null ? null : Values.text(op, "id"), errorCode,
        errorMessage, readOnly(r, pp));
  }

  /** Admin activity is always a write; otherwise the permission type of the first authorization says. */
  private static @Nullable Boolean readOnly(JsonObject r, JsonObject pp) {
    String logId = GcpLogEntries.logId(Values.text(r, "logName"));
    if (logId != null && logId.endsWith("/activity")) {
      return false;
    }
    JsonArray authz = Values.array(pp, "authorizationInfo");
    if (authz != null && !authz.isEmpty() && authz.get(0) instanceof JsonObject a) {
      String type = Values.text(a, "permissionType");
      if (type != null) {
        return type.endsWith("_READ");
      }
    }
    return null;
  }

  private static List<ResourceRef> resources(@Nullable JsonObject pp, @Nullable String resourceType) {
    String name = pp == null ? null : Values.text(pp, "resourceName");
    return name == null ? List.of() : List.of(new ResourceRef(name, resourceType, null));
  }

  /**
   * The id of the service account key the call authenticated with, or the key that
   * {@code CreateServiceAccountKey} created (the last segment of its name).
   */
  private static @Nullable String serviceAccountKeyId(@Nullable JsonObject pp, @Nullable JsonObject auth,
      @Nullable String method) {
    if (pp != null && method != null && method.endsWith("CreateServiceAccountKey")) {
      String created = Values.text(Values.object(pp, "response"), "name");
      return created == null ? null : keyId(created);
    }
    String used = Values.text(auth, "serviceAccountKeyName");
    return used == null ? null : keyId(used);
  }

  private static @Nullable String keyId(String keyName) {
    int i = keyName.lastIndexOf("/keys/");
    return i < 0 || i + 6 >= keyName.length() ? null : keyName.substring(i + 6);
  }
}
