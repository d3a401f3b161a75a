package dev.kumo.posture.inventory.azure;

import static dev.kumo.posture.inventory.ExportJson.bool;
import static dev.kumo.posture.inventory.ExportJson.object;
import static dev.kumo.posture.inventory.ExportJson.objects;
import static dev.kumo.posture.inventory.ExportJson.string;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one Resource Graph record, by kind (see {@code docs/posture-facts.md}). Fields the record does
 * not carry stay absent, except where ARM omits a field to mean "off" from the full {@code properties} it
 * returns (key vault purge protection, recovery vault immutability).
 */
final class AzureFacts {
  private AzureFacts() {}

  /**
   * Facts of {@code record} of {@code kind}; a part that cannot be read is left absent and reported to
   * {@code problem}.
   */
  static Facts of(String kind, JsonObject record, Consumer<String> problem) {
    JsonObject p = object(record, "properties");
    Facts.Builder f = Facts.builder();
    switch (kind) {
      case AzureKinds.STORAGE -> {
        f.put("allow_blob_public_access", bool(p, "allowBlobPublicAccess"));
        f.put("https_only", bool(p, "supportsHttpsTrafficOnly"));
        f.put("shared_key_access", bool(p, "allowSharedKeyAccess"));
        f.put("minimum_tls", string(p, "minimumTlsVersion"));
        f.put("network_default_action", string(p, "networkAcls", "defaultAction"));
        f.put("public_network_access", string(p, "publicNetworkAccess"));
        f.put("infrastructure_encryption", bool(p, "encryption", "requireInfrastructureEncryption"));
      }
      case AzureKinds.NSG -> {
        if (p != null && NsgRules.present(p)) {
          try {
            NsgRules.Split rules = NsgRules.read(p);
            f.put("ingress", rules.ingress()).put("egress", rules.egress());
          } catch (IllegalArgumentException e) {
            problem.accept("rules left unknown: " + e.getMessage());
          }
        }
        if (p != null) {
          f.put("subnet_ids", ids(objects(p, "subnets")));
        }
      }
      case AzureKinds.VM -> {
        JsonObject identity = object(record, "identity");
        // Resource Graph prints "identity": null for a VM without managed identity
        f.put("identity_type", identity == null && record.has("identity") ? "None" : string(identity, "type"));
        f.put("identity_principal_id", string(identity, "principalId"));
        f.put("os_type", string(p, "storageProfile", "osDisk", "osType"));
      }
      case AzureKinds.DISK, AzureKinds.SNAPSHOT -> {
        f.put("network_access_policy", string(p, "networkAccessPolicy"));
        f.put("public_network_access", string(p, "publicNetworkAccess"));
        f.put("encryption_type", string(p, "encryption", "type"));
      }
      case AzureKinds.SQL_SERVER -> {
        f.put("public_network_access", string(p, "publicNetworkAccess"));
        f.put("minimal_tls", string(p, "minimalTlsVersion"));
      }
      case AzureKinds.KEY_VAULT -> {
        f.put("soft_delete", bool(p, "enableSoftDelete"));
        // ARM leaves enablePurgeProtection out until it is turned on (it cannot be turned off again)
        Boolean purge = bool(p, "enablePurgeProtection");
        f.put("purge_protection", purge == null && p != null ? Boolean.FALSE : purge);
        f.put("rbac_authorization", bool(p, "enableRbacAuthorization"));
        f.put("public_network_access", string(p, "publicNetworkAccess"));
      }
      case AzureKinds.RECOVERY_VAULT -> recoveryVault(p, f);
      case AzureKinds.PRICING -> {
        f.put("tier", string(p, "pricingTier"));
        f.put("deprecated", bool(p, "deprecated"));
      }
      case AzureKinds.ROLE_ASSIGNMENT -> {
        f.put("principal_id", string(p, "principalId"));
        f.put("principal_type", string(p, "principalType"));
        String role = string(p, "roleDefinitionId");
        f.put("role", role == null ? null : AzureRoles.name(role));
        f.put("scope", string(p, "scope"));
      }
      case AzureKinds.FLOW_LOG -> {
        f.put("enabled", bool(p, "enabled"));
        f.put("target_id", string(p, "targetResourceId"));
      }
      case AzureKinds.DIAGNOSTIC_SETTING -> diagnosticSetting(p, f);
      default -> {
        // other kinds: a resource without facts
      }
    }
    return f.build();
  }

  private static void recoveryVault(@Nullable JsonObject p, Facts.Builder f) {
    JsonObject security = object(p, "securitySettings");
    String softDelete = string(security, "softDeleteSettings", "softDeleteState");
    if (softDelete != null) {
      f.put("soft_delete", !softDelete.equalsIgnoreCase("Disabled"));
    }
    String state = string(security, "immutabilitySettings", "state");
    if (state != null) {
      f.put("immutability_state", state);
      String s = state.toLowerCase(Locale.ROOT);
      f.put("immutable", s.equals("locked") || s.equals("unlocked") || s.equals("enabled"));
    } else if (p != null) {
      // immutability never configured: ARM omits immutabilitySettings
      f.put("immutable", Boolean.FALSE).put("immutability_state", "Disabled");
    }
  }

  private static void diagnosticSetting(@Nullable JsonObject p, Facts.Builder f) {
    for (String target : List.of("workspaceId", "storageAccountId", "eventHubAuthorizationRuleId",
        "marketplacePartnerId")) {
      String t = string(p, target);
      if (t != null && !t.isBlank()) {
        f.put("target", t);
        break;
      }
    }
    if (p == null) {
      return;
    }
    List<String> categories = new ArrayList<>();
    for (JsonObject log : objects(p, "logs")) {
      if (!Boolean.FALSE.equals(bool(log, "enabled"))) {
        String c = string(log, "category");
        categories.add(c != null ? c : "group:" + string(log, "categoryGroup"));
      }
    }
    f.put("categories", categories.stream().sorted().toList());
  }

  private static List<String> ids(List<JsonObject> refs) {
    List<String> out = new ArrayList<>();
    for (JsonObject r : refs) {
      String id = string(r, "id");
      if (id != null) {
        out.add(id);
      }
    }
    return out.stream().sorted().toList();
  }
}
