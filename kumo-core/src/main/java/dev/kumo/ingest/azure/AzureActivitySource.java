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
import dev.kumo.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Azure Activity Log (control-plane operations on subscriptions), normalized into OCSF API
 * Activity (6003). Reads the diagnostic-settings layout (Event Hub {@code {"records":[...]}} and
 * storage-account JSON Lines, also Panther's {@code Azure.MonitorActivity}, which adds Azure Storage
 * resource logs), the Log Analytics {@code AzureActivity} table, and the {@code EventData} objects
 * of {@code az monitor activity-log list} (camelCase) and the Azure SDK (snake_case).
 *
 * <p>Rules see one layout, the diagnostic one: {@code operationName} is the operation
 * ({@code Microsoft.Network/networkSecurityGroups/write}), {@code category}, {@code resultType},
 * {@code resourceId}, {@code callerIpAddress}, {@code time}, {@code properties}. The other layouts
 * get those keys added (their own keys stay), and every record gets {@code resourceProviderName}
 * when it lacks one, derived from the resource id or the operation.
 */
public final class AzureActivitySource implements JsonLogSource {
  public static final String ID = "azure.activity";

  /** Activity Log categories, and the Azure Storage resource-log categories Panther files with them. */
  private static final String[] CATEGORIES = {"Administrative", "ServiceHealth", "ResourceHealth", "Alert", "Autoscale",
      "Recommendation", "Security", "Policy", "StorageRead", "StorageWrite", "StorageDelete"};

  /** An EventData member holding {@code {value, localizedValue}}: its names, and the diagnostic name of its value. */
  private record Localized(String canonical, String... names) {}

  private static final List<Localized> LOCALIZED = List.of(
      new Localized("operationName", "operationName", "operation_name"), new Localized("category", "category"),
      new Localized("resultType", "status"), new Localized("resultSubType", "subStatus", "sub_status"),
      new Localized("resourceProviderName", "resourceProviderName", "resource_provider_name"),
      new Localized("resourceType", "resourceType", "resource_type"), new Localized("eventName", "eventName", "event_name"));

  /** SDK (snake_case) names of EventData members and their diagnostic-layout names. */
  private static final String[][] SNAKE_CASE = {{"resourceId", "resource_id"}, {"correlationId", "correlation_id"},
      {"subscriptionId", "subscription_id"}, {"eventDataId", "event_data_id"}, {"tenantId", "tenant_id"},
      {"resourceGroupName", "resource_group_name"}, {"operationId", "operation_id"},
      {"submissionTimestamp", "submission_timestamp"}, {"eventTimestamp", "event_timestamp"},
      {"httpRequest", "http_request"}};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Azure Activity Log";
  }

  @Override
  public String examplePath() {
    return "insights-activity-logs/resourceId=/SUBSCRIPTIONS/<id>/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("diagnostic settings: Event Hub {\"records\":[...]} and storage-account JSON Lines",
        "Log Analytics AzureActivity table exports (OperationNameValue, ActivityStatusValue, ...)",
        "az monitor activity-log list JSON arrays and Azure SDK EventData (snake_case)",
        "Panther Azure.MonitorActivity (p_log_type)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("Azure.MonitorActivity");
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (isLogAnalytics(r)) {
      return true;
    }
    if (isEventData(r)) {
      return r.has("eventTimestamp") || r.has("event_timestamp") || r.has("submissionTimestamp")
          || r.has("submission_timestamp") || r.has("time");
    }
    if (!(AzureRecords.get(r, "operationName") instanceof String)
        || !(AzureRecords.get(r, "resourceId") instanceof String resourceId) || !AzureRecords.has(r, "time")) {
      return false;
    }
    if (AzureRecords.containsIgnoreCase(resourceId, "/providers/Microsoft.aadiam")) {
      return false; // Entra ID logs share the envelope
    }
    String category = text(r, "category");
    return category == null || AzureRecords.oneOf(category, CATEGORIES);
  }

  private static boolean isLogAnalytics(JsonObject r) {
    return r.get("OperationNameValue") instanceof String
        && (r.has("ActivityStatusValue") || r.has("CategoryValue") || r.has("ResourceProviderValue"));
  }

  private static boolean isEventData(JsonObject r) {
    Object op = r.get("operationName");
    if (op == null) {
      op = r.get("operation_name");
    }
    return op instanceof JsonObject o && o.has("value");
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = canonical(record);
    String operation = text(r, "operationName");
    String resourceId = text(r, "resourceId");
    String provider = text(r, "resourceProviderName");
    String subscription = AzureRecords.subscriptionOf(resourceId);
    if (subscription == null) {
      subscription = firstText(r, "subscriptionId", "subscription_id");
    }
    String location = text(r, "location");
    String region = location == null || location.equalsIgnoreCase("global") ? null : location;
    String id = firstText(r, "eventDataId", "event_data_id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    List<ResourceRef> resources = resourceId == null ? List.of()
        : List.of(new ResourceRef(resourceId, text(r, "resourceType"), subscription));
    return new NormalizedEvent(id, AzureRecords.timeOrUnknown(r, "time", "eventTimestamp", "TimeGenerated"), ID,
        OcsfClass.API_ACTIVITY, new CloudContext("Azure", subscription, region), actor(r),
        AzureRecords.endpoint(text(r, "callerIpAddress"), null), null, api(r, provider, operation), resources, null, r,
        origin);
  }

  /** The record in the diagnostic layout rules are written for (see the class comment). */
  static JsonObject canonical(JsonObject record) {
    if (isLogAnalytics(record)) {
      JsonObject r = AzureRecords.parseJsonText(record);
      JsonObject properties = object(r, "Properties_d");
      if (properties == null) {
        properties = object(r, "Properties");
      }
      JsonObject.Builder b = JsonObject.builder()
          .put("operationName", r.get("OperationNameValue"))
          .put("category", firstNonNull(r.get("CategoryValue"), r.get("Category")))
          .put("resultType", firstNonNull(r.get("ActivityStatusValue"), r.get("ActivityStatus")))
          .put("resourceProviderName", firstNonNull(r.get("ResourceProviderValue"), r.get("ResourceProvider")))
          .put("time", firstNonNull(r.get("TimeGenerated"), r.get("EventSubmissionTimestamp")))
          .put("properties", properties);
      for (int i = 0, n = r.size(); i < n; i++) {
        String k = r.keyAt(i);
        if (!k.equals("Properties") && !k.equals("Properties_d")) {
          b.put(k, r.valueAt(i));
        }
      }
      return b.build();
    }
    if (isEventData(record)) {
      return eventData(record);
    }
    return AzureRecords.flatten(record, null, "resourceProviderName",
        AzureRecords.providerOf(text(record, "resourceId"), text(record, "operationName")));
  }

  /** {@code az monitor activity-log list} / SDK EventData: localized values flattened, diagnostic names added. */
  private static JsonObject eventData(JsonObject r) {
    JsonObject.Builder b = JsonObject.builder();
    Set<String> replaced = new HashSet<>();
    for (Localized l : LOCALIZED) {
      for (String name : l.names()) {
        if (r.get(name) instanceof JsonObject o) {
          if (!name.equals(l.canonical()) && r.get(l.canonical()) != null) {
            break; // the record also has the diagnostic field: keep both as they are
          }
          Object v = firstNonNull(o.get("value"), o.get("localizedValue"));
          if (v != null) {
            b.put(l.canonical(), v);
            replaced.add(l.canonical());
          }
          replaced.add(name);
          break;
        }
      }
    }
    JsonObject http = r.get("httpRequest") instanceof JsonObject h ? h : r.getObject("http_request");
    Object ip = http == null ? null : firstNonNull(http.get("clientIpAddress"), http.get("client_ip_address"));
    putDerived(b, replaced, r, "time", firstNonNull(r.get("eventTimestamp"), r.get("event_timestamp")));
    for (String[] rename : SNAKE_CASE) {
      if (r.get(rename[1]) != null && !r.has(rename[0])) {
        putDerived(b, replaced, r, rename[0], r.get(rename[1]));
        replaced.add(rename[1]);
      }
    }
    putDerived(b, replaced, r, "callerIpAddress", ip);
    Object rid = firstNonNull(r.get("resourceId"), r.get("resource_id"));
    putDerived(b, replaced, r, "resourceProviderName", AzureRecords.providerOf(rid instanceof String s ? s : null, null));
    for (int i = 0, n = r.size(); i < n; i++) {
      String k = r.keyAt(i);
      if (!replaced.contains(k)) {
        b.put(k, r.valueAt(i));
      }
    }
    return b.build();
  }

  /** Adds a diagnostic-layout key the record lacks (neither already added nor in the record itself). */
  private static void putDerived(JsonObject.Builder b, Set<String> replaced, JsonObject r, String key,
      @Nullable Object value) {
    if (value != null && !replaced.contains(key) && !r.has(key)) {
      b.put(key, value);
      replaced.add(key);
    }
  }

  private static @Nullable Object firstNonNull(@Nullable Object a, @Nullable Object b) {
    return a != null ? a : b;
  }

  private static Actor actor(JsonObject r) {
    JsonObject identity = object(r, "identity");
    JsonObject claims = identity == null ? null : object(identity, "claims");
    if (claims == null) {
      claims = object(r, "claims");
    }
    if (claims == null) {
      claims = object(r, "Claims_d");
    }
    String caller = text(r, "caller");
    if (caller == null && claims == null) {
      return Actor.UNKNOWN;
    }
    String upn = null;
    String objectId = null;
    String type = null;
    Boolean mfa = null;
    if (claims != null) {
      upn = firstText(claims, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "upn", "unique_name",
          "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "name");
      objectId = firstText(claims, "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid");
      String idtyp = text(claims, "idtyp");
      type = "app".equalsIgnoreCase(idtyp) ? "ServicePrincipal" : upn != null ? "User" : null;
      String amr = firstText(claims, "http://schemas.microsoft.com/claims/authnmethodsreferences", "amr");
      if (amr != null) {
        mfa = AzureRecords.containsIgnoreCase(amr, "mfa");
      }
    }
    String principal = caller != null ? caller : upn != null ? upn : objectId;
    return new Actor(type, principal, objectId, upn != null ? upn : caller, null, null, mfa, null, null);
  }

  private static ApiCall api(JsonObject r, @Nullable String provider, @Nullable String operation) {
    String result = text(r, "resultType");
    String errorCode = null;
    String errorMessage = null;
    if (result != null && (result.equalsIgnoreCase("Failure") || result.equalsIgnoreCase("Failed"))) {
      JsonObject p = object(r, "properties");
      errorCode = firstText(r, "resultSignature", "statusCode");
      if (errorCode == null && p != null) {
        errorCode = text(p, "statusCode");
      }
      if (errorCode == null || errorCode.equalsIgnoreCase("None")) {
        errorCode = result;
      }
      errorMessage = firstText(r, "resultDescription");
    }
    Boolean readOnly = null;
    if (operation != null) {
      readOnly = AzureRecords.endsWithIgnoreCase(operation, "/read") ? Boolean.TRUE
          : AzureRecords.endsWithIgnoreCase(operation, "/write") || AzureRecords.endsWithIgnoreCase(operation, "/delete")
              || AzureRecords.endsWithIgnoreCase(operation, "/action") ? Boolean.FALSE : null;
    }
    if (operation == null && r.getIgnoreCase("operationName") != null) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "Azure Activity Log record whose operationName is not text; skipped");
    }
    return new ApiCall(provider, operation, text(r, "correlationId"), errorCode, errorMessage, readOnly);
  }
}
