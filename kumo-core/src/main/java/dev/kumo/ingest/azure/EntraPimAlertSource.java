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
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra Privileged Identity Management security alerts, as Microsoft Graph returns them
 * ({@code identityGovernance/roleManagementAlerts/alerts}, optionally with
 * {@code $expand=alertDefinition,alertIncidents}, and {@code .../alertIncidents}), imported as OCSF
 * Detection Findings (2004). PIM's audit events are Entra audit-log records ({@code azure.audit}).
 *
 * <p>Rules see the Graph object with one added key, {@code alertIncidentType}: the incident type
 * ({@code staleSignInAlertIncident}, {@code tooManyGlobalAdminsAssignedToTenantAlertIncident} ...),
 * from an incident's {@code @odata.type} or, for an alert that is active, its definition id
 * ({@code DirectoryRole_<tenant>_StaleSignInAlert}); PIM lists inactive alerts too, and those get no
 * type, so rules on the type do not fire on them. SigmaHQ's PIM rules test the type as
 * {@code riskEventType}.
 */
public final class EntraPimAlertSource implements JsonLogSource {
  public static final String ID = "azure.pim";
  private static final String GRAPH = "#microsoft.graph.";

  /** Alert definition names (the end of an alert id) and the type of their incidents. */
  private static final Map<String, String> INCIDENT_TYPES = Map.of(
      "StaleSignInAlert", "staleSignInAlertIncident",
      "NoMfaOnRoleActivationAlert", "noMfaOnRoleActivationAlertIncident",
      "InvalidLicenseAlert", "invalidLicenseAlertIncident",
      "RedundantAssignmentAlert", "redundantAssignmentAlertIncident",
      "SequentialActivationRenewalsAlert", "sequentialActivationRenewalsAlertIncident",
      "TooManyGlobalAdminsAssignedToTenantAlert", "tooManyGlobalAdminsAssignedToTenantAlertIncident",
      "RolesAssignedOutsidePimAlert", "rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Entra PIM security alerts";
  }

  @Override
  public String examplePath() {
    return "pim-alerts.json (GET /beta/identityGovernance/roleManagementAlerts/alerts?$expand=*)";
  }

  @Override
  public List<String> layouts() {
    return List.of("Microsoft Graph roleManagementAlerts alerts (with or without $expand) and alertIncidents "
        + "responses ({\"value\":[...]}, JSON arrays or JSON Lines)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DETECTION_FINDING;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (r.get("@odata.type") instanceof String t && t.startsWith(GRAPH) && t.endsWith("AlertIncident")) {
      return true;
    }
    return r.get("alertDefinitionId") instanceof String && r.has("scopeType") && r.has("incidentCount");
  }

  /** The incident type an incident or alert stands for, or null when it names none. */
  static @Nullable String incidentType(JsonObject r) {
    if (r.get("@odata.type") instanceof String t && t.startsWith(GRAPH) && t.endsWith("AlertIncident")) {
      return t.substring(GRAPH.length());
    }
    String definition = text(r, "alertDefinitionId");
    if (definition == null || !raised(r)) {
      return null;
    }
    String name = definition.substring(definition.lastIndexOf('_') + 1);
    String known = INCIDENT_TYPES.get(name);
    if (known != null) {
      return known;
    }
    return name.isEmpty() ? null : Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Incident";
  }

  /** Whether an alert currently stands (PIM keeps every alert, with {@code isActive} false when nothing triggers it). */
  private static boolean raised(JsonObject alert) {
    if (alert.get("isActive") instanceof Boolean active) {
      return active;
    }
    return !(alert.get("incidentCount") instanceof Long n) || n > 0;
  }

  /** The tenant in an alert id ({@code DirectoryRole_<tenant>_<alert>}), or null. */
  private static @Nullable String tenantOf(@Nullable String alertId) {
    if (alertId == null || !alertId.startsWith("DirectoryRole_")) {
      return null;
    }
    int end = alertId.lastIndexOf('_');
    return end > "DirectoryRole_".length() ? alertId.substring("DirectoryRole_".length(), end) : null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    String type = incidentType(record);
    JsonObject r = AzureRecords.flatten(record, null, "alertIncidentType", type);
    JsonObject definition = object(r, "alertDefinition");
    String id = text(r, "id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    String assignee = firstText(r, "assigneeUserPrincipalName", "assigneeDisplayName");
    String role = text(r, "roleDisplayName");
    Actor actor = assignee == null ? Actor.UNKNOWN
        : new Actor(null, assignee, text(r, "assigneeId"), assignee, null, null, null, null, null);
    String label = type == null ? "unknown" : type;
    FindingDetails finding = new FindingDetails("Microsoft Entra Privileged Identity Management", label,
        definition == null ? label : firstText(definition, "displayName"),
        definition == null ? null : text(definition, "description"), null,
        EntraRiskDetectionSource.severity(definition == null ? null : text(definition, "severityLevel")),
        role == null ? List.of() : List.of(role));
    ApiCall api = new ApiCall("Microsoft Entra Privileged Identity Management", type, null, null, null, null);
    return new NormalizedEvent(id, AzureRecords.timeOrUnknown(r, "lastModifiedDateTime", "lastScannedDateTime",
            "assignmentActivatedDateTime", "lastActivationDateTime", "assignmentCreatedDateTime"), ID,
        OcsfClass.DETECTION_FINDING, new CloudContext("Azure", tenantOf(text(r, "alertDefinitionId")), null),
        actor, AzureRecords.endpoint(null, null), null, api, List.of(), finding, r, origin);
  }
}
