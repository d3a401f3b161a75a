package dev.kumo.ingest.gcphttplb;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Google Cloud HTTP(S) load balancer request logs: Cloud Logging entries with {@code httpRequest}
 * and a {@code jsonPayload} of type {@code LoadBalancerLogEntry} (Cloud Armor's decisions included),
 * as exported by sinks and {@code gcloud logging read}, and Panther's {@code GCP.HTTPLoadBalancer}
 * records, whose top-level keys are lower-case. Normalized into OCSF HTTP Activity (4002). Audit
 * log entries ({@code protoPayload}) are never claimed.
 */
public final class GcpHttpLbSource implements JsonLogSource {
  public static final String ID = "gcp.http_lb";
  private static final String SERVICE = "loadbalancing.googleapis.com";
  private static final Set<String> LB_RESOURCES = Set.of("http_load_balancer", "internal_http_lb_rule",
      "l7_lb_rule", "external_http_lb_rule");
  private static final int MAX_OPERATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Google Cloud HTTP(S) Load Balancer logs";
  }

  @Override
  public String examplePath() {
    return "gcs-log-sink/requests/2024/05/01/10:00:00_10:59:59_S0.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("Cloud Logging entries as JSON Lines or arrays (sinks, gcloud logging read)",
        "Panther GCP.HTTPLoadBalancer records (lower-case keys)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("GCP.HTTPLoadBalancer");
  }

  /**
   * A log entry with an {@code httpRequest} and no {@code protoPayload}, whose payload is a
   * {@code LoadBalancerLogEntry} (by type, or by its {@code statusDetails} or security policy
   * fields) or whose resource is a load balancer.
   */
  @Override
  public boolean recognizes(JsonObject r) {
    if (!(r.getIgnoreCase("httpRequest") instanceof JsonObject) || r.getIgnoreCase("protoPayload") != null) {
      return false;
    }
    if (r.getIgnoreCase("jsonPayload") instanceof JsonObject p) {
      String type = payloadType(p);
      if (type != null && type.endsWith("LoadBalancerLogEntry")) {
        return true;
      }
      if (p.has("statusDetails") || p.has("enforcedSecurityPolicy") || p.has("previewSecurityPolicy")) {
        return true;
      }
    }
    return r.getIgnoreCase("resource") instanceof JsonObject res && res.get("type") instanceof String t
        && LB_RESOURCES.contains(t);
  }

  private static @Nullable String payloadType(JsonObject payload) {
    String t = Values.text(payload, "@type");
    return t != null ? t : Values.text(payload, "at_sign_type");
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    JsonObject req = r.getIgnoreCase("httpRequest") instanceof JsonObject o ? o : JsonObject.EMPTY;
    JsonObject payload = r.getIgnoreCase("jsonPayload") instanceof JsonObject p ? p : JsonObject.EMPTY;
    JsonObject resource = r.getIgnoreCase("resource") instanceof JsonObject o ? o : JsonObject.EMPTY;
    JsonObject labels = resource.getObject("labels");
    JsonObject policy = payload.getObject("enforcedSecurityPolicy");
    Instant time = Times.parse(r.getIgnoreCase("timestamp"));
    String method = Values.text(req, "requestMethod");
    String url = Values.text(req, "requestUrl");
    Long status = Values.toLong(req.get("status"));
    String project = Values.text(labels, "project_id");
    if (project == null) {
      project = projectOf(Values.textIgnoreCase(r, "logName"));
    }
    String insertId = Values.textIgnoreCase(r, "insertId");
    String statusDetails = Values.text(payload, "statusDetails");
    String outcome = Values.text(policy, "outcome");
    String action = outcome == null ? null : switch (outcome.toUpperCase(Locale.ROOT)) {
      case "DENY" -> "block";
      case "ACCEPT" -> "allow";
      default -> outcome.toLowerCase(Locale.ROOT);
    };
    String backend = Values.text(labels, "backend_service_name");
    String operation = method == null && url == null ? null : Values.truncate(Values.label(method, url), MAX_OPERATION);
    return new NormalizedEvent(insertId != null ? insertId : ContentId.of(r),
        time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID, OcsfClass.HTTP_ACTIVITY,
        new CloudContext("GCP", project, region(Values.text(labels, "region"), Values.text(labels, "zone"))),
        Actor.UNKNOWN,
        new Endpoint(Values.address(Values.text(req, "remoteIp")), null, null, Values.text(req, "userAgent"), false),
        new Endpoint(Values.address(Values.text(req, "serverIp")), Values.urlHost(url), null, null, false),
        new ApiCall(SERVICE, operation, Values.textIgnoreCase(r, "trace"),
            status != null && status >= 400 ? statusDetails : null, null, null),
        backend == null ? List.of() : List.of(new ResourceRef(backend, "compute.backendServices", project)),
        new HttpRequest(method, url, status == null ? null : status.intValue(), Values.toLong(req.get("requestSize")),
            Values.toLong(req.get("responseSize")), Values.text(req, "protocol"), action,
            policy == null ? null : Values.text(policy, "name")),
        WebFields.attach(r, url, null), origin);
  }

  /** The project of a log name {@code projects/<id>/logs/...}, else null. */
  private static @Nullable String projectOf(@Nullable String logName) {
    if (logName == null || !logName.startsWith("projects/")) {
      return null;
    }
    int slash = logName.indexOf('/', 9);
    return slash > 9 ? logName.substring(9, slash) : null;
  }

  private static @Nullable String region(@Nullable String region, @Nullable String zone) {
    String r = region != null ? region : zone;
    return r == null || r.equals("global") ? null : r;
  }
}
