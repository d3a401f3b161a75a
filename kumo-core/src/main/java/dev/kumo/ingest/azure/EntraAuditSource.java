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
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra ID audit logs (directory changes: users, groups, roles, applications, policies,
 * PIM), normalized into OCSF API Activity (6003). Reads the diagnostic-settings layout (category
 * {@code AuditLogs}, the audit under {@code properties}), the Log Analytics {@code AuditLogs} table
 * and Microsoft Graph {@code directoryAudits} objects.
 *
 * <p>Rules see one flat record in the Graph names: the diagnostic {@code properties} are lifted to
 * the top level (so {@code category} is the directory category such as {@code UserManagement}, not
 * the export's {@code AuditLogs}), Log Analytics dynamic columns exported as JSON text are parsed,
 * and {@code operationName} and {@code activityDisplayName} (the same activity name) are each added
 * from the other when an export has only one.
 *
 * <p>Panther's {@code Azure.Audit} log type holds both sign-ins and directory audits, so neither
 * this source nor {@code azure.signin} claims it: its records are told apart by their category.
 */
public final class EntraAuditSource implements JsonLogSource {
  public static final String ID = "azure.audit";

  /** Envelope categories of other Entra logs, whose {@code properties} can look like an audit's. */
  private static final String[] OTHER_CATEGORIES = {"SignInLogs", "NonInteractiveUserSignInLogs",
      "ServicePrincipalSignInLogs", "ManagedIdentitySignInLogs", "ProvisioningLogs", "ADFSSignInLogs",
      "UserRiskEvents", "ServicePrincipalRiskEvents", "RiskyUsers", "RiskyServicePrincipals"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Entra ID audit logs";
  }

  @Override
  public String examplePath() {
    return "insights-logs-auditlogs/tenantId=<tenant>/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("diagnostic settings (AuditLogs): Event Hub {\"records\":[...]} and storage JSON Lines",
        "Log Analytics AuditLogs table exports",
        "Microsoft Graph auditLogs/directoryAudits responses ({\"value\":[...]})",
        "Panther Azure.Audit directory-audit records (told apart from sign-ins by category)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (diagnosticProperties(r) != null) {
      return true;
    }
    if ("AuditLogs".equalsIgnoreCase(text(r, "Type"))) {
      return true;
    }
    return AzureRecords.has(r, "activityDisplayName") && (AzureRecords.has(r, "loggedByService")
        || AzureRecords.has(r, "initiatedBy") || AzureRecords.has(r, "targetResources"));
  }

  /** The audit under {@code properties} of a diagnostic-settings record, or null for other layouts. */
  private static @Nullable JsonObject diagnosticProperties(JsonObject r) {
    JsonObject p = object(r, "properties");
    if (p == null || !(p.has("activityDisplayName") || p.has("loggedByService"))) {
      return null;
    }
    String category = text(r, "category");
    return AzureRecords.oneOf(category, OTHER_CATEGORIES) ? null : p;
  }

  /** The flat record rules see (see the class comment). */
  static JsonObject canonical(JsonObject record) {
    JsonObject properties = diagnosticProperties(record);
    JsonObject base = properties == null ? AzureRecords.parseJsonText(record) : record;
    String activity = properties != null ? text(properties, "activityDisplayName") : text(base, "activityDisplayName");
    String operation = text(base, "operationName");
    if (operation == null && properties != null) {
      operation = text(properties, "operationName");
    }
    return AzureRecords.flatten(base, properties, "operationName", activity, "activityDisplayName", operation);
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = canonical(record);
    String tenant = firstText(r, "AADTenantId", "tenantId");
    String id = text(r, "id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    JsonObject initiatedBy = object(r, "initiatedBy");
    JsonObject user = initiatedBy == null ? null : object(initiatedBy, "user");
    JsonObject app = initiatedBy == null ? null : object(initiatedBy, "app");
    String ip = user == null ? null : text(user, "ipAddress");
    if (ip == null) {
      ip = text(r, "callerIpAddress");
    }
    String result = text(r, "result");
    boolean failed = result != null && !result.equalsIgnoreCase("success");
    ApiCall api = new ApiCall(text(r, "loggedByService"), firstText(r, "activityDisplayName", "operationName"),
        text(r, "correlationId"), failed ? result : null, failed ? text(r, "resultReason") : null, null);
    return new NormalizedEvent(id, AzureRecords.timeOrUnknown(r, "activityDateTime", "time", "TimeGenerated"), ID,
        OcsfClass.API_ACTIVITY, new CloudContext("Azure", tenant, null), actor(user, app),
        AzureRecords.endpoint(ip, text(r, "userAgent")), null, api, resources(r, tenant), null, r, origin);
  }

  private static Actor actor(@Nullable JsonObject user, @Nullable JsonObject app) {
    if (user != null && (text(user, "userPrincipalName") != null || text(user, "id") != null)) {
      String upn = text(user, "userPrincipalName");
      return new Actor("User", upn != null ? upn : text(user, "id"), text(user, "id"),
          upn != null ? upn : text(user, "displayName"), null, null, null, null, null);
    }
    if (app != null) {
      String name = firstText(app, "displayName", "servicePrincipalName");
      String spId = firstText(app, "servicePrincipalId", "appId");
      if (name != null || spId != null) {
        return new Actor("ServicePrincipal", name != null ? name : spId, spId, name, null, null, null, null, null);
      }
    }
    return Actor.UNKNOWN;
  }

  private static List<ResourceRef> resources(JsonObject r, @Nullable String tenant) {
    JsonArray targets = AzureRecords.array(r, "targetResources");
    if (targets == null || targets.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(Math.min(targets.size(), 16));
    for (int i = 0; i < targets.size() && out.size() < 16; i++) {
      if (targets.get(i) instanceof JsonObject t) {
        String uid = firstText(t, "userPrincipalName", "displayName", "id");
        if (uid != null) {
          out.add(new ResourceRef(uid, text(t, "type"), tenant));
        }
      }
    }
    return out;
  }
}
