package dev.kumo.ingest.azure;

import static dev.kumo.ingest.azure.AzureRecords.firstText;
import static dev.kumo.ingest.azure.AzureRecords.object;
import static dev.kumo.ingest.azure.AzureRecords.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.value.NumberMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Azure Kubernetes Service API-server audit logs, normalized into OCSF API Activity (6003). Reads
 * the diagnostic-settings layout (categories {@code kube-audit} and {@code kube-audit-admin}: the
 * Kubernetes audit event is a JSON string in {@code properties.log}; also the legacy
 * {@code AzureDiagnostics} table's {@code log_s}) and the Log Analytics {@code AKSAudit} /
 * {@code AKSAuditAdmin} tables.
 *
 * <p>Rules see the Kubernetes audit event itself ({@code verb}, {@code objectRef}, {@code user},
 * {@code sourceIPs}, {@code responseStatus} ...; the Log Analytics columns differ only in case), so
 * the Kubernetes audit rules apply to AKS as they do to any cluster. The cluster (the envelope's
 * {@code resourceId}) becomes the event's cloud context and first resource.
 */
public final class AksAuditSource implements JsonLogSource {
  public static final String ID = "azure.aks";

  private static final String[] CATEGORIES = {"kube-audit", "kube-audit-admin"};
  private static final String[] TABLES = {"AKSAudit", "AKSAuditAdmin"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Azure Kubernetes Service audit logs";
  }

  @Override
  public String examplePath() {
    return "insights-logs-kube-audit/resourceId=/SUBSCRIPTIONS/<id>/RESOURCEGROUPS/<rg>/PROVIDERS/"
        + "MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/<cluster>/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("diagnostic settings (kube-audit, kube-audit-admin): properties.log holds the Kubernetes "
            + "audit event as JSON text; Event Hub {\"records\":[...]} and storage JSON Lines",
        "Log Analytics AKSAudit / AKSAuditAdmin and AzureDiagnostics (log_s) table exports");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    String category = text(r, "category");
    if (AzureRecords.oneOf(category, CATEGORIES)) {
      return true;
    }
    if (AzureRecords.oneOf(text(r, "Type"), TABLES)) {
      return true;
    }
    return r.get("AuditId") instanceof String && r.get("Verb") instanceof String && r.has("RequestUri");
  }

  /** The Kubernetes audit event of an AKS record. */
  static JsonObject auditEvent(JsonObject record) {
    String category = text(record, "category");
    if (!AzureRecords.oneOf(category, CATEGORIES)) {
      return AzureRecords.parseJsonText(record); // AKSAudit table: the event's fields are columns
    }
    JsonObject properties = object(record, "properties");
    String log = properties == null ? null : text(properties, "log");
    if (log == null) {
      log = text(record, "log_s");
    }
    if (log == null) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "AKS " + category + " record without properties.log (the Kubernetes audit event); skipped");
    }
    Object event;
    try {
      event = AzureRecords.EMBEDDED.read(log);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON,
          "AKS properties.log is not a JSON Kubernetes audit event (" + AzureRecords.clip(e.getMessage()) + "); skipped");
    }
    if (!(event instanceof JsonObject o)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "AKS properties.log holds no JSON object; skipped");
    }
    return o;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject e = auditEvent(record);
    String cluster = text(record, "resourceId");
    if (cluster == null) {
      cluster = text(record, "_ResourceId");
    }
    String subscription = AzureRecords.subscriptionOf(cluster);
    String auditId = text(e, "auditID");
    String stage = text(e, "stage");
    String id = auditId == null ? AzureRecords.contentId(e) : stage == null ? auditId : auditId + ":" + stage;
    JsonObject objectRef = object(e, "objectRef");
    String verb = text(e, "verb");
    List<ResourceRef> resources = new ArrayList<>(2);
    if (cluster != null) {
      resources.add(new ResourceRef(cluster, "Microsoft.ContainerService/managedClusters", subscription));
    }
    if (objectRef != null) {
      String uid = objectPath(objectRef);
      if (uid != null) {
        resources.add(new ResourceRef(uid, text(objectRef, "resource"), subscription));
      }
    }
    JsonArray ips = AzureRecords.array(e, "sourceIPs");
    String ip = ips != null && !ips.isEmpty() && ips.get(0) instanceof String s ? s : null;
    return new NormalizedEvent(id,
        AzureRecords.timeOrUnknown(e, "stageTimestamp", "requestReceivedTimestamp", "StageReceivedTime",
            "RequestReceivedTime", "TimeGenerated"),
        ID, OcsfClass.API_ACTIVITY, new CloudContext("Azure", subscription, null), actor(e),
        AzureRecords.endpoint(ip, text(e, "userAgent")), null, api(e, verb, objectRef), resources, null, e, origin);
  }

  private static Actor actor(JsonObject e) {
    JsonObject user = object(e, "user");
    String name = user == null ? null : text(user, "username");
    if (name == null) {
      return Actor.UNKNOWN;
    }
    String type = name.startsWith("system:serviceaccount:") ? "ServiceAccount"
        : name.startsWith("system:node:") ? "Node" : name.startsWith("system:") ? "System" : "User";
    JsonObject impersonated = object(e, "impersonatedUser");
    String onBehalf = impersonated == null ? null : text(impersonated, "username");
    return new Actor(type, name, text(user, "uid"), name, null, onBehalf, null, null, null);
  }

  private static ApiCall api(JsonObject e, @Nullable String verb, @Nullable JsonObject objectRef) {
    String resource = objectRef == null ? null : text(objectRef, "resource");
    String sub = objectRef == null ? null : text(objectRef, "subresource");
    String operation = verb == null ? null
        : resource == null ? verb : verb + " " + resource + (sub == null ? "" : "/" + sub);
    String group = objectRef == null ? null : text(objectRef, "apiGroup");
    JsonObject status = object(e, "responseStatus");
    String errorCode = null;
    String errorMessage = null;
    Object code = status == null ? null : status.getIgnoreCase("code");
    BigDecimal n = code == null ? null : NumberMatcher.toNumber(code);
    if (n != null && n.compareTo(BigDecimal.valueOf(400)) >= 0) {
      errorCode = JsonText.scalarText(code);
      errorMessage = firstText(status, "reason", "message");
    }
    Boolean readOnly = verb == null ? null : AzureRecords.oneOf(verb, "get", "list", "watch");
    return new ApiCall(group == null || group.isEmpty() ? "kubernetes" : group, operation, text(e, "auditID"),
        errorCode, errorMessage == null ? null : AzureRecords.clip(errorMessage), readOnly);
  }

  /** {@code namespace/resource/name} of an object reference, or null when it names nothing. */
  private static @Nullable String objectPath(JsonObject ref) {
    String resource = text(ref, "resource");
    if (resource == null) {
      return null;
    }
    String ns = text(ref, "namespace");
    String name = text(ref, "name");
    return (ns == null ? "" : ns + "/") + resource + (name == null ? "" : "/" + name);
  }
}
