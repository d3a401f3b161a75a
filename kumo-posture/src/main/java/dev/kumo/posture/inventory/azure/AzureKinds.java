package dev.kumo.posture.inventory.azure;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resource Graph {@code type} → Kumo kind, and what an Azure resource id says about its subscription. */
final class AzureKinds {
  static final String STORAGE = "azure.storage.account";
  static final String NSG = "azure.network.nsg";
  static final String VM = "azure.compute.vm";
  static final String DISK = "azure.compute.disk";
  static final String SNAPSHOT = "azure.compute.snapshot";
  static final String SQL_SERVER = "azure.sql.server";
  static final String KEY_VAULT = "azure.keyvault.vault";
  static final String RECOVERY_VAULT = "azure.recoveryservices.vault";
  static final String PRICING = "azure.security.pricing";
  static final String ROLE_ASSIGNMENT = "azure.authorization.role_assignment";
  static final String DIAGNOSTIC_SETTING = "azure.monitor.diagnostic_setting";
  static final String FLOW_LOG = "azure.network.watcher.flow_log";
  /** Not a kind of its own: folded into its server's {@code firewall_open_to_world}. */
  static final String SQL_FIREWALL_RULE_TYPE = "microsoft.sql/servers/firewallrules";

  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("microsoft.storage/storageaccounts", STORAGE),
      Map.entry("microsoft.network/networksecuritygroups", NSG),
      Map.entry("microsoft.compute/virtualmachines", VM),
      Map.entry("microsoft.compute/disks", DISK),
      Map.entry("microsoft.compute/snapshots", SNAPSHOT),
      Map.entry("microsoft.sql/servers", SQL_SERVER),
      Map.entry("microsoft.keyvault/vaults", KEY_VAULT),
      Map.entry("microsoft.recoveryservices/vaults", RECOVERY_VAULT),
      Map.entry("microsoft.security/pricings", PRICING),
      Map.entry("microsoft.authorization/roleassignments", ROLE_ASSIGNMENT),
      Map.entry("microsoft.insights/diagnosticsettings", DIAGNOSTIC_SETTING),
      Map.entry("microsoft.network/networkwatchers/flowlogs", FLOW_LOG));

  private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/([^/]+)", Pattern.CASE_INSENSITIVE);

  private AzureKinds() {}

  /**
   * The kind of a Resource Graph type (any case): a known kind, else {@code azure.} + the type lower-cased
   * without its {@code microsoft.} prefix, slashes as dots (e.g. {@code azure.web.sites}).
   */
  static String kind(String type) {
    String t = type.trim().toLowerCase(Locale.ROOT);
    String known = KNOWN.get(t);
    if (known != null) {
      return known;
    }
    if (t.startsWith("microsoft.")) {
      t = t.substring("microsoft.".length());
    }
    return "azure." + t.replace('/', '.');
  }

  /** The subscription id at the start of a resource id, or "". */
  static String subscriptionOf(String resourceId) {
    Matcher m = SUBSCRIPTION.matcher(resourceId);
    return m.find() ? m.group(1) : "";
  }
}
