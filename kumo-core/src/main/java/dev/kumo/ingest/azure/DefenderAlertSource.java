package dev.kumo.ingest.azure;

import static dev.kumo.ingest.azure.AzureRecords.firstText;
import static dev.kumo.ingest.azure.AzureRecords.object;
import static dev.kumo.ingest.azure.AzureRecords.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft security alerts, imported as OCSF Detection Findings (2004): Microsoft Graph security
 * alerts v2 ({@code security/alerts_v2}, from every Defender product and Entra ID Protection; also
 * Panther's {@code MicrosoftGraph.SecurityAlertV2}), Microsoft Defender for Cloud alerts as Azure
 * Resource Manager returns them ({@code Microsoft.Security/locations/alerts}, the alert under
 * {@code properties}) and the Log Analytics {@code SecurityAlert} table.
 *
 * <p>Rules see the Graph v2 names for Graph alerts, the ARM alert with its {@code properties}
 * lifted to the top level ({@code alertType}, {@code alertDisplayName}, {@code severity} ...), and
 * the table's own columns for {@code SecurityAlert}.
 */
public final class DefenderAlertSource implements JsonLogSource {
  public static final String ID = "azure.defender";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Defender / Graph security alerts";
  }

  @Override
  public String examplePath() {
    return "alerts_v2.json (GET /v1.0/security/alerts_v2)";
  }

  @Override
  public List<String> layouts() {
    return List.of("Microsoft Graph security/alerts_v2 responses ({\"value\":[...]}, arrays, JSON Lines)",
        "Defender for Cloud alerts from Azure Resource Manager (az security alert list) and continuous export",
        "Log Analytics SecurityAlert table exports", "Panther MicrosoftGraph.SecurityAlertV2 (p_log_type)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DETECTION_FINDING;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("MicrosoftGraph.SecurityAlertV2");
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (r.get("serviceSource") instanceof String && r.has("title") && r.has("severity")) {
      return true; // Graph alerts_v2
    }
    if (armProperties(r) != null) {
      return true;
    }
    return r.get("AlertName") instanceof String && r.has("AlertSeverity")
        && (r.has("SystemAlertId") || r.has("AlertType") || r.has("ProviderName"));
  }

  /** The alert under {@code properties} of a Defender for Cloud ARM alert, or null. */
  private static @Nullable JsonObject armProperties(JsonObject r) {
    JsonObject p = r.getObject("properties");
    return p != null && p.get("alertType") instanceof String && p.has("alertDisplayName") ? p : null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject properties = armProperties(record);
    JsonObject r = properties == null ? AzureRecords.parseJsonText(record) : AzureRecords.flatten(record, properties);
    String title = firstText(r, "title", "alertDisplayName", "AlertName", "DisplayName");
    String type = firstText(r, "alertType", "AlertType", "detectorId", "category");
    String product = firstText(r, "productName", "ProductName", "serviceSource", "vendorName", "ProviderName");
    String id = firstText(r, "id", "systemAlertId", "SystemAlertId", "name");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    List<String> affected = new ArrayList<>();
    String user = null;
    String ip = null;
    JsonArray evidence = AzureRecords.array(r, "evidence");
    if (evidence != null) {
      for (int i = 0; i < evidence.size() && i < 32; i++) {
        if (!(evidence.get(i) instanceof JsonObject ev)) {
          continue;
        }
        JsonObject account = object(ev, "userAccount");
        String upn = account == null ? null : firstText(account, "userPrincipalName", "accountName");
        if (upn != null) {
          user = user == null ? upn : user;
          affected.add(upn);
        }
        String address = text(ev, "ipAddress");
        if (address != null && ip == null) {
          ip = address;
        }
        String resourceId = firstText(ev, "azureResourceId", "resourceId");
        if (resourceId != null) {
          affected.add(resourceId);
        }
      }
    }
    String compromised = firstText(r, "compromisedEntity", "CompromisedEntity");
    if (compromised != null) {
      affected.add(compromised);
    }
    String resourceId = resourceId(r);
    String subscription = AzureRecords.subscriptionOf(resourceId != null ? resourceId : text(r, "id"));
    String label = type != null ? type : title != null ? title : "unknown";
    FindingDetails finding = new FindingDetails(product == null ? "Microsoft Defender" : product, label, title,
        firstText(r, "description", "Description"), null,
        EntraRiskDetectionSource.severity(firstText(r, "severity", "AlertSeverity")), affected);
    Actor actor = user == null ? Actor.UNKNOWN : new Actor("User", user, null, user, null, null, null, null, null);
    List<ResourceRef> resources = resourceId == null ? List.of()
        : List.of(new ResourceRef(resourceId, null, subscription));
    return new NormalizedEvent(id,
        AzureRecords.timeOrUnknown(r, "createdDateTime", "timeGeneratedUtc", "startTimeUtc", "TimeGenerated",
            "StartTime", "firstActivityDateTime"),
        ID, OcsfClass.DETECTION_FINDING,
        new CloudContext("Azure", subscription != null ? subscription : firstText(r, "tenantId", "TenantId"), null),
        actor, AzureRecords.endpoint(ip, null), null,
        new ApiCall(product, title, null, null, null, null), resources, finding, r, origin);
  }

  /** The Azure resource an alert concerns, when it names one. */
  private static @Nullable String resourceId(JsonObject r) {
    JsonArray ids = AzureRecords.array(r, "resourceIdentifiers");
    if (ids != null) {
      for (Object o : ids) {
        if (o instanceof JsonObject ref && text(ref, "azureResourceId") != null) {
          return text(ref, "azureResourceId");
        }
      }
    }
    return firstText(r, "ResourceId", "AzureResourceId");
  }
}
