package dev.kumo.ingest.gcp;

import dev.kumo.ingest.support.EmbeddedJson;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of Cloud Logging exports: {@code LogEntry} objects (as {@code gcloud logging read}, GCS
 * sinks and Panther write them, Panther with some keys lower-cased), the Logging API's
 * {@code {"entries":[...]}} pages, and Pub/Sub sink messages whose base64 {@code message.data} holds
 * one entry. Stateless and thread-safe.
 */
public final class GcpLogEntries {
  private GcpLogEntries() {}

  /** Services under which Google Workspace writes its audit logs into Cloud Logging. */
  public static final Set<String> WORKSPACE_SERVICES = Set.of("admin.googleapis.com", "login.googleapis.com");

  private static final String WORKSPACE_METADATA = "ccc_hosted_reporting.ActivityProto";

  /** Keys a LogEntry or Panther's curated fragments of one may hold at the top level. */
  private static final Set<String> ENTRY_KEYS = Set.of("insertid", "logname", "protopayload", "jsonpayload",
      "textpayload", "resource", "timestamp", "receivetimestamp", "severity", "operation", "labels", "trace",
      "spanid", "tracesampled", "sourcelocation", "split", "methodname", "servicename", "resourcename",
      "authenticationinfo", "authorizationinfo", "requestmetadata", "status");

  /** Whether {@code r} is a Pub/Sub message (push delivery or {@code gcloud pubsub ... pull} output) of a log sink. */
  public static boolean isPubSubMessage(JsonObject r) {
    if (!(r.get("message") instanceof JsonObject m) || !(m.get("data") instanceof String)) {
      return false;
    }
    if (m.get("attributes") instanceof JsonObject a && a.has("logging.googleapis.com/timestamp")) {
      return true;
    }
    return r.get("subscription") instanceof String || r.get("ackId") instanceof String;
  }

  /** The LogEntry in a Pub/Sub message. */
  public static JsonObject pubSubEntry(JsonObject r) {
    JsonObject m = (JsonObject) r.get("message");
    return EmbeddedJson.parseBase64((String) m.get("data"), "Pub/Sub message.data");
  }

  /** The entries of a Logging API {@code entries.list} page, or null when {@code r} is not one. */
  public static @Nullable List<JsonObject> entriesPage(JsonObject r) {
    if (!(r.get("entries") instanceof JsonArray a) || a.isEmpty() || !(a.get(0) instanceof JsonObject first)
        || !isLogEntry(first)) {
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

  /**
   * Whether {@code r} is a LogEntry: a payload or log name with a resource, timestamp or insert id;
   * or a curated fragment (Panther tests) made only of LogEntry and AuditLog member names.
   */
  public static boolean isLogEntry(JsonObject r) {
    boolean payload = Values.object(r, "protoPayload") != null || Values.member(r, "jsonPayload") != null
        || Values.member(r, "textPayload") instanceof String;
    boolean logName = Values.text(r, "logName") != null;
    if ((payload || logName) && (Values.member(r, "resource") instanceof JsonObject || Values.member(r, "timestamp") != null
        || Values.text(r, "insertId") != null || logName && payload)) {
      return true;
    }
    return isFragment(r);
  }

  private static boolean isFragment(JsonObject r) {
    boolean distinctive = false;
    for (int i = 0, n = r.size(); i < n; i++) {
      String k = r.keyAt(i);
      if (k.startsWith("p_")) {
        continue;
      }
      String key = k.toLowerCase(Locale.ROOT);
      if (!ENTRY_KEYS.contains(key)) {
        return false;
      }
      Object v = r.valueAt(i);
      distinctive |= key.equals("protopayload") && v instanceof JsonObject
          || key.equals("methodname") && v instanceof String
          || key.equals("operation") && v instanceof JsonObject o && o.get("producer") instanceof String;
    }
    return distinctive;
  }

  /** The entry's {@code protoPayload}, or null. */
  public static @Nullable JsonObject protoPayload(JsonObject r) {
    return Values.object(r, "protoPayload");
  }

  /** Whether the entry is a Google Workspace audit log shared into Cloud Logging. */
  public static boolean isWorkspaceEntry(JsonObject r) {
    JsonObject pp = protoPayload(r);
    if (pp != null) {
      String service = Values.text(pp, "serviceName");
      if (service != null && WORKSPACE_SERVICES.contains(service)) {
        return true;
      }
      JsonObject md = Values.object(pp, "metadata");
      return md != null && isWorkspaceMetadata(md);
    }
    return false;
  }

  private static boolean isWorkspaceMetadata(JsonObject md) {
    String type = Values.text(md, "@type");
    if (type == null) {
      type = Values.text(md, "at_sign_type");
    }
    return type != null && type.endsWith(WORKSPACE_METADATA);
  }

  /** Whether the entry is a request log of a load balancer, App Engine or Cloud Run (not an audit log). */
  public static boolean isRequestLog(JsonObject r) {
    return Values.member(r, "httpRequest") != null && protoPayload(r) == null;
  }

  /**
   * The log id of a {@code logName}, URL-decoded: {@code cloudaudit.googleapis.com/activity} for
   * {@code projects/p/logs/cloudaudit.googleapis.com%2Factivity}. Null when there is no {@code /logs/}.
   */
  public static @Nullable String logId(@Nullable String logName) {
    if (logName == null) {
      return null;
    }
    int i = logName.indexOf("/logs/");
    if (i < 0) {
      return null;
    }
    String id = logName.substring(i + 6);
    return id.indexOf('%') < 0 ? id : id.replace("%2F", "/").replace("%2f", "/");
  }

  /**
   * The project, folder or organization that owns the entry, from its resource labels or log name:
   * a project id, or {@code organizations/<id>} / {@code folders/<id>}.
   */
  public static @Nullable String owner(JsonObject r) {
    JsonObject labels = Values.object(r, "resource", "labels");
    String project = Values.text(labels, "project_id");
    if (project != null) {
      return project;
    }
    String logName = Values.text(r, "logName");
    if (logName == null) {
      return null;
    }
    int logs = logName.indexOf("/logs/");
    String scope = logs < 0 ? logName : logName.substring(0, logs);
    if (scope.startsWith("projects/")) {
      return scope.substring(9);
    }
    return scope.startsWith("organizations/") || scope.startsWith("folders/")
        || scope.startsWith("billingAccounts/") ? scope : null;
  }
}
