package dev.kumo.ingest.azure;

import static dev.kumo.ingest.azure.AzureRecords.firstText;
import static dev.kumo.ingest.azure.AzureRecords.object;
import static dev.kumo.ingest.azure.AzureRecords.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.CloudContext;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra ID sign-in logs (interactive, non-interactive, service principal and managed
 * identity sign-ins), normalized into OCSF Authentication (3002). Reads the diagnostic-settings
 * layout (categories {@code SignInLogs}, {@code NonInteractiveUserSignInLogs}, ... with the sign-in
 * under {@code properties}), the Log Analytics {@code SigninLogs} tables, and Microsoft Graph
 * {@code auditLogs/signIns} objects.
 *
 * <p>Rules see one flat record in the Graph names (the Log Analytics names differ only in case):
 * the diagnostic {@code properties} are lifted to the top level, Log Analytics dynamic columns
 * exported as JSON text are parsed, and three keys are added when the export lacks them:
 * {@code resultType} (the error code, {@code 0} for success) and {@code resultDescription} (the
 * failure reason) from {@code status}, and {@code signInStatus}: an array of the sign-in's outcome as
 * the Entra portal shows it ({@code Success} or {@code Failure}) followed by the failure reason and
 * additional details, so that rules testing {@code Status} for {@code Success} or for a text such as
 * {@code MFA denied} work on every layout.
 *
 * <p>Panther's {@code Azure.Audit} log type holds both sign-ins and directory audits, so neither
 * this source nor {@code azure.audit} claims it: its records are told apart by their category.
 */
public final class EntraSignInSource implements JsonLogSource {
  public static final String ID = "azure.signin";

  private static final String[] CATEGORIES = {"SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs",
      "ManagedIdentitySignInLogs"};
  private static final String[] TABLES = {"SigninLogs", "AADNonInteractiveUserSignInLogs",
      "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Entra ID sign-in logs";
  }

  @Override
  public String examplePath() {
    return "insights-logs-signinlogs/tenantId=<tenant>/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("diagnostic settings (SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, "
            + "ManagedIdentitySignInLogs): Event Hub {\"records\":[...]} and storage JSON Lines",
        "Log Analytics SigninLogs / AAD*SignInLogs table exports",
        "Microsoft Graph auditLogs/signIns responses ({\"value\":[...]}) and the portal's JSON download",
        "Panther Azure.Audit sign-in records (told apart from audit records by category)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.AUTHENTICATION;
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
    return (AzureRecords.has(r, "conditionalAccessStatus") || AzureRecords.has(r, "authenticationRequirement"))
        && (AzureRecords.has(r, "createdDateTime") || AzureRecords.has(r, "TimeGenerated"))
        && (AzureRecords.has(r, "userPrincipalName") || AzureRecords.has(r, "servicePrincipalId")
            || AzureRecords.has(r, "appId"))
        && !AzureRecords.has(r, "activityDisplayName");
  }

  /** The flat record rules see (see the class comment). */
  static JsonObject canonical(JsonObject record) {
    String category = text(record, "category");
    JsonObject properties = AzureRecords.oneOf(category, CATEGORIES) ? object(record, "properties") : null;
    JsonObject base = properties == null ? AzureRecords.parseJsonText(record) : record;
    JsonObject fields = properties != null ? properties : base;
    JsonObject status = object(fields, "status");
    Object errorCode = status == null ? null : status.getIgnoreCase("errorCode");
    if (errorCode == JsonNull.INSTANCE || errorCode instanceof JsonObject || errorCode instanceof JsonArray) {
      errorCode = null;
    }
    String failureReason = status == null ? null : text(status, "failureReason");
    String details = status == null ? null : text(status, "additionalDetails");
    Boolean success = success(errorCode, text(base, "resultType"), text(base, "resultSignature"));
    JsonArray signInStatus = null;
    if (success != null) {
      List<Object> parts = new ArrayList<>(3);
      parts.add(success ? "Success" : "Failure");
      if (failureReason != null && !failureReason.equalsIgnoreCase("Other.")) {
        parts.add(failureReason);
      }
      if (details != null) {
        parts.add(details);
      }
      signInStatus = JsonArray.of(parts.toArray());
    }
    return AzureRecords.flatten(base, properties,
        "resultType", errorCode == null ? null : JsonText.scalarText(errorCode),
        "resultDescription", failureReason,
        "signInStatus", signInStatus);
  }

  /**
   * Whether the sign-in succeeded: error code 0; else the result type ({@code 0}, or Panther's
   * {@code Success}/{@code Failure}); else the result signature. Null when nothing says.
   */
  static @Nullable Boolean success(@Nullable Object errorCode, @Nullable String resultType,
      @Nullable String resultSignature) {
    if (errorCode != null) {
      return "0".equals(JsonText.scalarText(errorCode).trim());
    }
    if (resultType != null) {
      String t = resultType.trim();
      if (t.equals("0") || t.equalsIgnoreCase("Success")) {
        return Boolean.TRUE;
      }
      if (t.equalsIgnoreCase("Failure") || !t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        return Boolean.FALSE;
      }
    }
    if (resultSignature != null) {
      if (resultSignature.equalsIgnoreCase("SUCCESS")) {
        return Boolean.TRUE;
      }
      if (resultSignature.equalsIgnoreCase("FAILURE")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = canonical(record);
    String category = text(record, "category");
    Boolean success = r.get("signInStatus") instanceof JsonArray a && !a.isEmpty() ? "Success".equals(a.get(0)) : null;
    String tenant = firstText(r, "AADTenantId", "tenantId", "resourceTenantId", "homeTenantId");
    String id = text(r, "id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    String resultType = text(r, "resultType");
    String reason = firstText(r, "resultDescription");
    String protocol = text(r, "authenticationProtocol");
    String method = protocol != null && !protocol.equalsIgnoreCase("none") ? protocol : text(r, "clientAppUsed");
    String application = firstText(r, "appDisplayName", "resourceDisplayName");
    Authentication auth = new Authentication(success == null ? "unknown" : success ? "success" : "failure",
        success == Boolean.FALSE ? reason != null ? reason : resultType : null, method, application);
    ApiCall api = new ApiCall("Microsoft Entra ID", "Sign-in", text(r, "correlationId"),
        success == Boolean.FALSE ? resultType != null ? resultType : "Failure" : null,
        success == Boolean.FALSE ? reason : null, null);
    String resource = firstText(r, "resourceDisplayName");
    List<ResourceRef> resources = resource == null ? List.of()
        : List.of(new ResourceRef(resource, "Application", tenant));
    return new NormalizedEvent(id, AzureRecords.timeOrUnknown(r, "createdDateTime", "time", "TimeGenerated"), ID,
        OcsfClass.AUTHENTICATION, new CloudContext("Azure", tenant, null), actor(r, category, success),
        AzureRecords.endpoint(firstText(r, "ipAddress", "callerIpAddress"), text(r, "userAgent")), null, api,
        resources, auth, r, origin);
  }

  private static Actor actor(JsonObject r, @Nullable String category, @Nullable Boolean success) {
    String upn = text(r, "userPrincipalName");
    String spName = firstText(r, "servicePrincipalName");
    String spId = text(r, "servicePrincipalId");
    String type;
    if (category != null && AzureRecords.startsWithIgnoreCase(category, "ManagedIdentity")) {
      type = "ManagedIdentity";
    } else if (category != null && AzureRecords.startsWithIgnoreCase(category, "ServicePrincipal")
        || upn == null && spId != null) {
      type = "ServicePrincipal";
    } else {
      type = "User";
    }
    String principal = upn != null ? upn : spName != null ? spName : text(r, "appDisplayName");
    String principalId = firstText(r, "userId", "servicePrincipalId");
    Boolean mfa = null;
    String requirement = text(r, "authenticationRequirement");
    if (success == Boolean.TRUE && requirement != null) {
      mfa = requirement.equalsIgnoreCase("multiFactorAuthentication");
    }
    if (principal == null && principalId == null) {
      return Actor.UNKNOWN;
    }
    return new Actor(type, principal, principalId, principal, null, null, mfa, null, null);
  }
}
