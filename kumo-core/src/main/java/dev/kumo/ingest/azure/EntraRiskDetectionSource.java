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
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra ID Protection risk detections (a user's or service principal's sign-in or account
 * judged risky: {@code unlikelyTravel}, {@code leakedCredentials}, {@code passwordSpray} ...),
 * imported as OCSF Detection Findings (2004). Reads the diagnostic-settings layout (categories
 * {@code UserRiskEvents} and {@code ServicePrincipalRiskEvents}, the detection under
 * {@code properties}), the Log Analytics {@code AADUserRiskEvents} tables and Microsoft Graph
 * {@code identityProtection/riskDetections} objects. Rules see one flat record in the Graph names
 * ({@code riskEventType}, {@code riskLevel}, {@code riskState}, {@code userPrincipalName} ...).
 */
public final class EntraRiskDetectionSource implements JsonLogSource {
  public static final String ID = "azure.riskdetection";

  private static final String[] CATEGORIES = {"UserRiskEvents", "ServicePrincipalRiskEvents"};
  private static final String[] TABLES = {"AADUserRiskEvents", "AADServicePrincipalRiskEvents"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Entra ID Protection risk detections";
  }

  @Override
  public String examplePath() {
    return "insights-logs-userriskevents/tenantId=<tenant>/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("diagnostic settings (UserRiskEvents, ServicePrincipalRiskEvents)",
        "Log Analytics AADUserRiskEvents / AADServicePrincipalRiskEvents table exports",
        "Microsoft Graph identityProtection/riskDetections responses ({\"value\":[...]})");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DETECTION_FINDING;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    String category = text(r, "category");
    if (AzureRecords.oneOf(category, CATEGORIES) && object(r, "properties") != null) {
      return true;
    }
    if (AzureRecords.oneOf(text(r, "Type"), TABLES)) {
      return true;
    }
    return text(r, "riskEventType") != null && (AzureRecords.has(r, "detectedDateTime")
        || AzureRecords.has(r, "activityDateTime") || AzureRecords.has(r, "TimeGenerated"));
  }

  /** The flat record rules see. */
  static JsonObject canonical(JsonObject record) {
    String category = text(record, "category");
    JsonObject properties = AzureRecords.oneOf(category, CATEGORIES) ? object(record, "properties") : null;
    return properties != null ? AzureRecords.flatten(record, properties)
        : AzureRecords.parseJsonText(record);
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = canonical(record);
    String type = text(r, "riskEventType");
    String tenant = firstText(r, "AADTenantId", "tenantId");
    String id = text(r, "id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    String upn = text(r, "userPrincipalName");
    String principal = upn != null ? upn : firstText(r, "servicePrincipalDisplayName", "userDisplayName");
    String principalId = firstText(r, "userId", "servicePrincipalId");
    Actor actor = principal == null && principalId == null ? Actor.UNKNOWN
        : new Actor(upn != null ? "User" : "ServicePrincipal", principal, principalId, principal, null, null, null,
            null, null);
    FindingDetails finding = new FindingDetails("Microsoft Entra ID Protection", type == null ? "unknown" : type,
        type, firstText(r, "riskDetail", "detectionTimingType"), null, severity(text(r, "riskLevel")),
        principal == null ? List.of() : List.of(principal));
    ApiCall api = new ApiCall("Microsoft Entra ID Protection", type, firstText(r, "requestId", "correlationId"),
        null, null, null);
    return new NormalizedEvent(id,
        AzureRecords.timeOrUnknown(r, "detectedDateTime", "activityDateTime", "time", "TimeGenerated"), ID,
        OcsfClass.DETECTION_FINDING, new CloudContext("Azure", tenant, null), actor,
        AzureRecords.endpoint(text(r, "ipAddress"), null), null, api, List.of(), finding, r, origin);
  }

  /** A Microsoft risk or severity level as Kumo's severity label. */
  static String severity(@Nullable String level) {
    if (level == null) {
      return "informational";
    }
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "low" -> "low";
      case "medium" -> "medium";
      case "high" -> "high";
      case "critical" -> "critical";
      default -> "informational";
    };
  }
}
