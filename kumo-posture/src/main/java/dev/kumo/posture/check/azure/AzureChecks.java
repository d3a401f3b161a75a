package dev.kumo.posture.check.azure;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.inventory.azure.AzureRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of {@code checks/azure.yml}. Each says UNKNOWN, never PASS, when a fact it needs is absent. */
public final class AzureChecks implements CheckSet {
  /** Remote administration: SSH and RDP. */
  static final List<Integer> ADMIN_PORTS = List.of(22, 3389);
  /** SQL Server, Oracle, MySQL, PostgreSQL, Redis, Elasticsearch, MongoDB. */
  static final List<Integer> DATABASE_PORTS = List.of(1433, 1521, 3306, 5432, 6379, 9200, 27017);
  private static final Set<String> PRIVILEGED_ROLES = Set.of(AzureRoles.OWNER, AzureRoles.CONTRIBUTOR,
      AzureRoles.USER_ACCESS_ADMINISTRATOR);
  /** Tenant root, management group, subscription or resource group: wider than one resource. */
  private static final Pattern BROAD_SCOPE = Pattern.compile(
      "^/$|^/providers/microsoft\\.management/managementgroups/[^/]+/?$|^/subscriptions/[^/]+/?$"
          + "|^/subscriptions/[^/]+/resourcegroups/[^/]+/?$");

  @Override
  public Map<String, Rule> rules() {
    return Map.ofEntries(
        Map.entry("azure-storage-blob-public-access", (r, inv, ctx) -> flag(r.facts(), "allow_blob_public_access",
            true, "anonymous blob access is allowed on the account", "anonymous blob access is disallowed")),
        Map.entry("azure-storage-https-only-off", (r, inv, ctx) -> flag(r.facts(), "https_only", false,
            "plain HTTP requests are accepted", "secure transfer is required")),
        Map.entry("azure-storage-network-open", (r, inv, ctx) -> storageNetwork(r.facts())),
        Map.entry("azure-storage-tls-old", (r, inv, ctx) -> storageTls(r.facts())),
        Map.entry("azure-nsg-admin-ports-open", (r, inv, ctx) -> portsOpen(r.facts(), ADMIN_PORTS)),
        Map.entry("azure-nsg-database-ports-open", (r, inv, ctx) -> portsOpen(r.facts(), DATABASE_PORTS)),
        Map.entry("azure-disk-public-export", (r, inv, ctx) -> publicExport(r.facts())),
        Map.entry("azure-snapshot-public-export", (r, inv, ctx) -> publicExport(r.facts())),
        Map.entry("azure-sql-server-public", (r, inv, ctx) -> sqlPublic(r.facts())),
        Map.entry("azure-keyvault-purge-protection-off", (r, inv, ctx) -> flag(r.facts(), "purge_protection",
            false, "purge protection is off: a deleted vault or key can be purged at once",
            "purge protection is on")),
        Map.entry("azure-recovery-vault-not-immutable", (r, inv, ctx) -> vaultImmutable(r.facts())),
        Map.entry("azure-defender-plan-off", (r, inv, ctx) -> defenderPlan(r)),
        Map.entry("azure-vm-identity-privileged", AzureChecks::vmIdentityPrivileged),
        Map.entry("azure-nsg-flow-logs-off", AzureChecks::nsgFlowLogs));
  }

  /** FAIL when boolean fact {@code name} equals {@code bad}, PASS otherwise, UNKNOWN when absent. */
  static Verdict flag(Facts f, String name, boolean bad, String failDetail, String passDetail) {
    Boolean v = f.bool(name);
    if (v == null) {
      return Verdict.unknown(name);
    }
    return Verdict.of(v != bad, passDetail, failDetail);
  }

  private static boolean disabled(Facts f, String name) {
    return "Disabled".equalsIgnoreCase(f.string(name));
  }

  private static Verdict storageNetwork(Facts f) {
    if (disabled(f, "public_network_access")) {
      return Verdict.pass("public network access is disabled");
    }
    String action = f.string("network_default_action");
    if (action == null) {
      return Verdict.unknown("network_default_action");
    }
    return Verdict.of(!action.equalsIgnoreCase("Allow"), "the firewall denies by default",
        "the storage firewall allows every network by default");
  }

  private static Verdict storageTls(Facts f) {
    String tls = f.string("minimum_tls");
    if (tls == null) {
      return Verdict.unknown("minimum_tls");
    }
    String t = tls.toUpperCase(Locale.ROOT);
    return Verdict.of(!(t.equals("TLS1_0") || t.equals("TLS1_1")), "minimum TLS is " + tls,
        "minimum TLS is " + tls + " (below TLS1_2)");
  }

  private static Verdict portsOpen(Facts f, List<Integer> ports) {
    List<NetworkRule> ingress = f.list("ingress", NetworkRule.class);
    if (ingress == null) {
      return Verdict.unknown("ingress");
    }
    List<Integer> open = new ArrayList<>();
    for (int port : ports) {
      if (NetworkRule.worldReaches(ingress, port)) {
        open.add(port);
      }
    }
    return Verdict.of(open.isEmpty(), "no listed port is reachable from the internet",
        "reachable from the internet on TCP " + open);
  }

  private static Verdict publicExport(Facts f) {
    if (disabled(f, "public_network_access")) {
      return Verdict.pass("public network access is disabled");
    }
    String policy = f.string("network_access_policy");
    if (policy == null) {
      return Verdict.unknown("network_access_policy");
    }
    return Verdict.of(!policy.equalsIgnoreCase("AllowAll"), "network access policy is " + policy,
        "network access policy AllowAll: anyone given a SAS export URL can download it from the internet");
  }

  private static Verdict sqlPublic(Facts f) {
    if (disabled(f, "public_network_access")) {
      return Verdict.pass("public network access is disabled");
    }
    Boolean open = f.bool("firewall_open_to_world");
    if (open == null) {
      return Verdict.unknown("firewall_open_to_world (export microsoft.sql/servers/firewallrules)");
    }
    return Verdict.of(!open, "no firewall rule admits the whole internet",
        "a firewall rule admits 0.0.0.0-255.255.255.255");
  }

  private static Verdict vaultImmutable(Facts f) {
    String state = f.string("immutability_state");
    if (state != null) {
      return switch (state.toLowerCase(Locale.ROOT)) {
        case "locked" -> Verdict.pass("immutability is locked");
        case "unlocked", "enabled" -> Verdict.fail("immutability is on but unlocked: whoever holds the vault's"
            + " rights can turn it off before deleting backups");
        default -> Verdict.fail("immutability is " + state);
      };
    }
    Boolean immutable = f.bool("immutable");
    if (immutable == null) {
      return Verdict.unknown("immutable");
    }
    return Verdict.of(immutable, "immutability is on", "immutability is off");
  }

  private static Verdict defenderPlan(Resource r) {
    String tier = r.facts().string("tier");
    if (tier == null) {
      return Verdict.unknown("tier");
    }
    if (Boolean.TRUE.equals(r.facts().bool("deprecated"))) {
      return Verdict.pass("plan " + r.name() + " is deprecated");
    }
    return Verdict.of(!tier.equalsIgnoreCase("Free"), "plan " + r.name() + " is " + tier,
        "Defender plan " + r.name() + " is Free (off)");
  }

  private static Verdict vmIdentityPrivileged(Resource vm, Inventory inv, CheckContext ctx) {
    String type = vm.facts().string("identity_type");
    String principal = vm.facts().string("identity_principal_id");
    if (type == null && principal == null) {
      return Verdict.unknown("identity_type");
    }
    if (principal == null) {
      return Verdict.pass("no system-assigned identity");
    }
    List<Resource> assignments = inv.inAccount("azure.authorization.role_assignment", vm);
    if (assignments.isEmpty()) {
      return Verdict.unknown("role assignments (query authorizationresources)");
    }
    List<String> found = new ArrayList<>();
    for (Resource a : assignments) {
      String role = a.facts().string("role");
      String scope = a.facts().string("scope");
      if (principal.equalsIgnoreCase(a.facts().string("principal_id")) && role != null && scope != null
          && PRIVILEGED_ROLES.contains(AzureRoles.name(role))
          && BROAD_SCOPE.matcher(scope.toLowerCase(Locale.ROOT)).matches()) {
        found.add(AzureRoles.name(role) + " at " + scope);
      }
    }
    found.sort(null);
    return Verdict.of(found.isEmpty(), "the identity holds no broad privileged role",
        "code on the VM can take the identity's token from the metadata service: " + String.join(", ", found));
  }

  private static Verdict nsgFlowLogs(Resource nsg, Inventory inv, CheckContext ctx) {
    List<Resource> logs = inv.inAccount("azure.network.watcher.flow_log", nsg);
    if (logs.isEmpty() && inv.inAccount("azure.network.networkwatchers", nsg).isEmpty()) {
      return Verdict.unknown("network watchers and flow logs");
    }
    List<String> subnets = nsg.facts().strings("subnet_ids");
    for (Resource log : logs) {
      String target = log.facts().string("target_id");
      if (!Boolean.TRUE.equals(log.facts().bool("enabled")) || target == null) {
        continue;
      }
      String t = target.toLowerCase(Locale.ROOT);
      if (t.equals(nsg.id().toLowerCase(Locale.ROOT))) {
        return Verdict.pass("NSG flow log " + log.name() + " is enabled");
      }
      for (String subnet : subnets == null ? List.<String>of() : subnets) {
        String s = subnet.toLowerCase(Locale.ROOT);
        if (s.equals(t) || s.startsWith(t + "/subnets/")) {
          return Verdict.pass("flow log " + log.name() + " covers subnet " + subnet);
        }
      }
    }
    return Verdict.fail("no enabled flow log covers this NSG or the virtual networks it is attached to");
  }
}
