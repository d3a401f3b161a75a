package dev.kumo.ingest.kubernetes;

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
 * Kubernetes audit events ({@code audit.k8s.io/v1 Event}) from any distribution: API server audit
 * log files (JSON Lines), webhook batches ({@code EventList}), EKS control-plane logs exported from
 * CloudWatch Logs (each log event's {@code message} holds the audit event: {@code aws logs
 * filter-log-events}/{@code get-log-events} output {@code {"events":[...]}} and Firehose subscription
 * records {@code {"messageType":"DATA_MESSAGE","logEvents":[...]}}) and Panther
 * {@code Amazon.EKS.Audit}. Normalizes into OCSF API Activity (6003).
 *
 * <p>Derived fields (under {@code kumo}), from the pod specification of the request object (a Pod, or
 * the pod template of a workload): {@code hostPath} (the host paths of its hostPath volumes),
 * {@code capabilities} (what its containers ask beyond the default: added Linux capabilities,
 * {@code privileged}, and {@code hostNetwork}/{@code hostPID}/{@code hostIPC}) and {@code images}.
 * For EKS through Firehose, {@code cluster} (from the log group).
 */
public final class KubernetesAuditSource implements JsonLogSource {
  public static final String ID = "kubernetes.audit";

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
  private static final String EKS_LOG_GROUP = "/aws/eks/";
  /** Log events of a CloudWatch page looked at to recognize it. */
  private static final int SNIFF_EVENTS = 20;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Kubernetes audit events";
  }

  @Override
  public String examplePath() {
    return "/var/log/kubernetes/audit/audit.log";
  }

  @Override
  public List<String> layouts() {
    return List.of("API server audit log files (JSON Lines) and webhook EventList batches",
        "EKS audit logs from CloudWatch Logs: filter-log-events/get-log-events output {\"events\":[...]}",
        "EKS audit logs through a Firehose subscription {\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[...]}",
        "Panther Amazon.EKS.Audit");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("Amazon.EKS.Audit");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (isAuditEvent(r) || isEventList(r) || r.get("message") instanceof String m && isAuditMessage(m)) {
      return true;
    }
    if (r.get("messageType") instanceof String type) {
      if (type.equals("CONTROL_MESSAGE")) {
        return true;
      }
      return type.equals("DATA_MESSAGE") && firstMessageIsAudit(r.get("logEvents"));
    }
    return firstMessageIsAudit(r.get("events"));
  }

  static boolean isAuditEvent(JsonObject r) {
    if (!"Event".equals(r.get("kind"))) {
      return false;
    }
    if (r.get("apiVersion") instanceof String v) {
      return v.startsWith("audit.k8s.io/");
    }
    return r.get("verb") instanceof String; // Panther's curated fragments leave apiVersion out
  }

  private static boolean isEventList(JsonObject r) {
    return "EventList".equals(r.get("kind")) && r.get("apiVersion") instanceof String v && v.startsWith("audit.k8s.io/")
        && r.get("items") instanceof JsonArray;
  }

  /**
   * Whether one of the first log events holds an audit event: a page of a whole EKS log group
   * interleaves the audit stream with the authenticator's and the scheduler's text lines.
   */
  private static boolean firstMessageIsAudit(@Nullable Object events) {
    if (!(events instanceof JsonArray a)) {
      return false;
    }
    for (int i = 0, n = Math.min(a.size(), SNIFF_EVENTS); i < n; i++) {
      if (a.get(i) instanceof JsonObject e && e.get("message") instanceof String m && isAuditMessage(m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a log line is a JSON audit event: it opens an object naming {@code audit.k8s.io/} early on. */
  private static boolean isAuditMessage(String m) {
    if (!EmbeddedJson.looksLikeObject(m)) {
      return false;
    }
    int limit = Math.min(m.length(), 400);
    return indexWithin(m, "\"audit.k8s.io/", limit) >= 0;
  }

  private static int indexWithin(String s, String needle, int limit) {
    for (int i = 0, last = limit - needle.length(); i <= last; i++) {
      if (s.regionMatches(i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public @Nullable List<JsonObject> records(JsonObject r) {
    if (isAuditEvent(r)) {
      return null;
    }
    if (isEventList(r)) {
      return objects((JsonArray) r.get("items"), null);
    }
    if (r.get("messageType") instanceof String type) {
      if (!type.equals("DATA_MESSAGE")) {
        return List.of(); // CONTROL_MESSAGE: a health check of the subscription, no events
      }
      return r.get("logEvents") instanceof JsonArray a ? objects(a, Values.text(r, "logGroup")) : List.of();
    }
    if (!(r.get("message") instanceof String) && r.get("events") instanceof JsonArray a) {
      return objects(a, null);
    }
    return null;
  }

  /** The objects of a list, each with the CloudWatch log group added when known. */
  private static List<JsonObject> objects(JsonArray a, @Nullable String logGroup) {
    List<JsonObject> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject e) {
        out.add(logGroup == null || e.has("logGroup") ? e : JsonObject.builder().put("logGroup", logGroup)
            .put("id", e.get("id")).put("timestamp", e.get("timestamp")).put("message", e.get("message")).build());
      }
    }
    return out;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = record;
    Instant carrierTime = null;
    String cluster = null;
    if (!isAuditEvent(r) && r.get("message") instanceof String m) {
      carrierTime = Values.time(r.get("timestamp"));
      String logGroup = Values.text(r, "logGroup");
      if (logGroup != null && logGroup.startsWith(EKS_LOG_GROUP)) {
        int end = logGroup.indexOf('/', EKS_LOG_GROUP.length());
        cluster = logGroup.substring(EKS_LOG_GROUP.length(), end < 0 ? logGroup.length() : end);
      }
      if (!EmbeddedJson.looksLikeObject(m)) {
        throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
            "CloudWatch log event is not a Kubernetes audit event (message '" + Values.forMessage(m) + "'); skipped");
      }
      r = EmbeddedJson.parse(m, "CloudWatch message");
    }
    if (!isAuditEvent(r)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD, "not a Kubernetes audit event (kind "
          + Values.forMessage(Values.scalar(r, "kind")) + "); skipped");
    }
    Instant time = Values.time(r.get("requestReceivedTimestamp"));
    if (time == null) {
      time = Values.time(r.get("stageTimestamp"));
    }
    if (time == null) {
      time = carrierTime != null ? carrierTime : NormalizedEvent.UNKNOWN_TIME;
    }
    String auditId = Values.text(r, "auditID");
    String stage = Values.text(r, "stage");
    String id = auditId == null ? Values.contentId(r) : stage == null ? auditId : auditId + ":" + stage;
    JsonObject ref = r.getObject("objectRef");
    JsonObject user = r.getObject("user");
    PodSpecs.Findings pod = PodSpecs.of(r.getObject("requestObject"));
    JsonObject.Builder derived = JsonObject.builder().put("hostPath", Derived.values(pod.hostPaths()))
        .put("capabilities", Derived.values(pod.privileges())).put("images", Derived.values(pod.images()))
        .put("cluster", cluster);
    JsonObject raw = Derived.attach(r, derived);
    return new NormalizedEvent(id, time, ID, OcsfClass.API_ACTIVITY, new CloudContext("Kubernetes", cluster, null),
        actor(user), source(r), null, api(r, ref, auditId), resources(r, ref), null, raw, origin);
  }

  private static Actor actor(@Nullable JsonObject user) {
    String name = Values.text(user, "username");
    if (name == null) {
      return Actor.UNKNOWN;
    }
    JsonObject extra = Values.object(user, "extra");
    String arn = first(extra, "arn");
    String accessKey = first(extra, "accessKeyId");
    return new Actor(identityType(name), arn != null ? arn : name, Values.text(user, "uid"), name, accessKey, null, null,
        null, null);
  }

  private static @Nullable String first(@Nullable JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    Object v = o.get(key);
    if (v instanceof JsonArray a && !a.isEmpty()) {
      v = a.get(0);
    }
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  private static String identityType(String name) {
    if (name.startsWith("system:serviceaccount:")) {
      return "ServiceAccount";
    }
    if (name.equals("system:anonymous")) {
      return "Anonymous";
    }
    if (name.startsWith("system:node:")) {
      return "Node";
    }
    return name.startsWith("system:") ? "System" : "User";
  }

  private static Endpoint source(JsonObject r) {
    String ua = Values.text(r, "userAgent");
    String ip = null;
    if (r.get("sourceIPs") instanceof JsonArray ips && !ips.isEmpty() && ips.get(0) instanceof String s) {
      ip = s;
    }
    if (ip == null || IpAddress.isAddress(ip)) {
      return new Endpoint(ip, null, null, ua, false);
    }
    return new Endpoint(null, ip, null, ua, false);
  }

  private static ApiCall api(JsonObject r, @Nullable JsonObject ref, @Nullable String auditId) {
    String verb = Values.text(r, "verb");
    String resource = Values.text(ref, "resource");
    String sub = Values.text(ref, "subresource");
    String op = verb;
    if (verb != null && resource != null) {
      op = verb + " " + resource + (sub == null ? "" : "/" + sub);
    } else if (verb != null && Values.text(r, "requestURI") != null) {
      op = verb + " " + Values.text(r, "requestURI");
    }
    String group = Values.text(ref, "apiGroup");
    String service = group == null ? (ref == null ? null : "core") : group;
    JsonObject status = r.getObject("responseStatus");
    Long code = Values.number(status, "code");
    String errorCode = null;
    String errorMessage = null;
    if (code != null && code >= 400) {
      String reason = Values.text(status, "reason");
      errorCode = reason != null ? reason : String.valueOf(code);
      errorMessage = Values.text(status, "message");
    }
    return new ApiCall(service, op, auditId, errorCode, errorMessage, verb == null ? null : READ_VERBS.contains(verb));
  }

  private static List<ResourceRef> resources(JsonObject r, @Nullable JsonObject ref) {
    if (ref == null) {
      String uri = Values.text(r, "requestURI");
      return uri == null ? List.of() : List.of(new ResourceRef(uri, "url", null));
    }
    String resource = Values.text(ref, "resource");
    String ns = Values.text(ref, "namespace");
    String name = Values.text(ref, "name");
    StringBuilder uid = new StringBuilder();
    if (ns != null) {
      uid.append("namespaces/").append(ns).append('/');
    }
    uid.append(resource == null ? "?" : resource);
    if (name != null) {
      uid.append('/').append(name);
    }
    return List.of(new ResourceRef(uid.toString(), resource, null));
  }
}
