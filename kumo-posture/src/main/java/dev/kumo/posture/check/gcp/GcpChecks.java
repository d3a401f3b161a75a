package dev.kumo.posture.check.gcp;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.NetworkRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules of {@code checks/gcp.yml}. Each says UNKNOWN, never PASS, when a fact it needs is absent. */
public final class GcpChecks implements CheckSet {
  static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  static final String DEFAULT_COMPUTE_SA_SUFFIX = "-compute@developer.gserviceaccount.com";
  private static final Set<String> PUBLIC_MEMBERS = Set.of("allusers", "allauthenticatedusers");
  private static final Set<String> ADMIN_ROLES = Set.of("roles/owner", "roles/editor");
  /** Subnet purposes that carry VM traffic and so can have flow logs. */
  private static final Set<String> VM_SUBNET_PURPOSES = Set.of("PRIVATE", "PRIVATE_RFC_1918");
  private static final long KMS_MAX_ROTATION_DAYS = 90;

  @Override
  public Map<String, Rule> rules() {
    return Map.ofEntries(
        Map.entry("gcp-storage-bucket-public", (r, inv, ctx) -> bucketPublic(r.facts())),
        Map.entry("gcp-storage-uniform-access-off", (r, inv, ctx) -> flag(r.facts(), "uniform_access",
            "uniform bucket-level access is on", "object ACLs are in force (uniform bucket-level access off)")),
        Map.entry("gcp-storage-versioning-off", (r, inv, ctx) -> flag(r.facts(), "versioning",
            "versioning is on", "versioning is off: overwritten or deleted objects cannot be recovered")),
        Map.entry("gcp-firewall-admin-ports-open", (r, inv, ctx) -> firewallPorts(r.facts())),
        Map.entry("gcp-firewall-all-ports-open", (r, inv, ctx) -> firewallAllPorts(r.facts())),
        Map.entry("gcp-instance-default-sa-full-scope", (r, inv, ctx) -> defaultServiceAccount(r.facts())),
        Map.entry("gcp-instance-public-ip", (r, inv, ctx) -> notFlag(r.facts(), "has_public_ip",
            "no external IP", "the instance has an external IP address")),
        Map.entry("gcp-instance-serial-port-on", (r, inv, ctx) -> notFlag(r.facts(), "serial_port",
            "interactive serial console is off", "interactive serial console access is enabled")),
        Map.entry("gcp-sql-instance-public", (r, inv, ctx) -> sqlPublic(r.facts())),
        Map.entry("gcp-image-public", (r, inv, ctx) -> publicIam(r.facts())),
        Map.entry("gcp-snapshot-public", (r, inv, ctx) -> publicIam(r.facts())),
        Map.entry("gcp-disk-public", (r, inv, ctx) -> publicIam(r.facts())),
        Map.entry("gcp-kms-key-rotation-off", (r, inv, ctx) -> kmsRotation(r.facts())),
        Map.entry("gcp-sa-key-user-managed-old", (r, inv, ctx) -> saKeyAge(r.facts(), ctx)),
        Map.entry("gcp-project-sa-admin-role", (r, inv, ctx) -> projectServiceAccountAdmin(r.facts())),
        Map.entry("gcp-subnet-flow-logs-off", (r, inv, ctx) -> subnetFlowLogs(r.facts())),
        Map.entry("gcp-data-access-audit-off", (r, inv, ctx) -> dataAccessAudit(r.facts())));
  }

  /** PASS when boolean fact {@code name} is true, FAIL when false, UNKNOWN when absent. */
  private static Verdict flag(Facts f, String name, String passDetail, String failDetail) {
    Boolean v = f.bool(name);
    return v == null ? Verdict.unknown(name) : Verdict.of(v, passDetail, failDetail);
  }

  /** PASS when boolean fact {@code name} is false, FAIL when true, UNKNOWN when absent. */
  private static Verdict notFlag(Facts f, String name, String passDetail, String failDetail) {
    Boolean v = f.bool(name);
    return v == null ? Verdict.unknown(name) : Verdict.of(!v, passDetail, failDetail);
  }

  /** The {@code role=member} entries granting to everyone. */
  private static List<String> publicGrants(List<String> members) {
    List<String> out = new ArrayList<>();
    for (String m : members) {
      int eq = m.indexOf('=');
      if (eq >= 0 && PUBLIC_MEMBERS.contains(m.substring(eq + 1).trim().toLowerCase(Locale.ROOT))) {
        out.add(m);
      }
    }
    return out;
  }

  private static Verdict publicIam(Facts f) {
    List<String> members = f.strings("iam_members");
    if (members == null) {
      return Verdict.unknown("iam_members (export with --content-type=iam-policy)");
    }
    List<String> grants = publicGrants(members);
    return Verdict.of(grants.isEmpty(), "no grant to allUsers or allAuthenticatedUsers",
        "granted to everyone: " + String.join(", ", grants));
  }

  private static Verdict bucketPublic(Facts f) {
    if (Boolean.TRUE.equals(f.bool("public_access_prevention_enforced"))) {
      return Verdict.pass("public access prevention is enforced");
    }
    return publicIam(f);
  }

  private static Verdict firewallPorts(Facts f) {
    if (Boolean.TRUE.equals(f.bool("disabled"))) {
      return Verdict.pass("the firewall rule is disabled");
    }
    List<NetworkRule> ingress = f.list("ingress", NetworkRule.class);
    if (ingress == null) {
      return Verdict.unknown("ingress");
    }
    List<Integer> open = new ArrayList<>();
    for (int port : List.of(22, 3389)) {
      if (NetworkRule.worldReaches(ingress, port)) {
        open.add(port);
      }
    }
    return Verdict.of(open.isEmpty(), "SSH and RDP are not allowed from the internet",
        "allows TCP " + open + " from the internet");
  }

  private static Verdict firewallAllPorts(Facts f) {
    if (Boolean.TRUE.equals(f.bool("disabled"))) {
      return Verdict.pass("the firewall rule is disabled");
    }
    List<NetworkRule> ingress = f.list("ingress", NetworkRule.class);
    if (ingress == null) {
      return Verdict.unknown("ingress");
    }
    for (NetworkRule r : ingress) {
      if (r.allow() && r.fromAnywhere() && r.fromPort() <= 0 && r.toPort() >= 65535
          && !r.protocol().equals("icmp")) {
        return Verdict.fail("allows every " + r.protocol() + " port from the internet");
      }
    }
    return Verdict.pass("no rule allows every port from the internet");
  }

  private static Verdict defaultServiceAccount(Facts f) {
    List<String> scopes = f.strings("scopes");
    String sa = f.string("service_account");
    if (scopes == null && sa == null) {
      return Verdict.unknown("service_account and scopes");
    }
    if (sa == null) {
      return Verdict.pass("no service account attached");
    }
    if (!sa.toLowerCase(Locale.ROOT).endsWith(DEFAULT_COMPUTE_SA_SUFFIX)) {
      return Verdict.pass("runs as " + sa + ", not the default compute service account");
    }
    if (scopes == null) {
      return Verdict.unknown("scopes");
    }
    return Verdict.of(!scopes.contains(CLOUD_PLATFORM_SCOPE), "default service account with limited scopes",
        "default compute service account with the cloud-platform scope: its token from the metadata server"
            + " carries the project-wide Editor role");
  }

  private static Verdict sqlPublic(Facts f) {
    if (Boolean.FALSE.equals(f.bool("public_ip"))) {
      return Verdict.pass("no public IPv4 address");
    }
    List<String> nets = f.strings("authorized_networks");
    if (nets == null) {
      return Verdict.unknown("authorized_networks");
    }
    List<String> world = nets.stream().filter(NetworkRule::isWorld).toList();
    return Verdict.of(world.isEmpty(), "no authorized network is the whole internet",
        "authorized networks admit the whole internet: " + String.join(", ", world));
  }

  private static Verdict kmsRotation(Facts f) {
    String purpose = f.string("purpose");
    if (purpose != null && !purpose.equalsIgnoreCase("ENCRYPT_DECRYPT")) {
      return Verdict.pass("purpose " + purpose + " keys do not rotate automatically");
    }
    Boolean enabled = f.bool("rotation_enabled");
    Long days = f.number("rotation_period_days");
    if (Boolean.FALSE.equals(enabled)) {
      return Verdict.fail("no automatic rotation");
    }
    if (days == null) {
      return Verdict.unknown("rotation_period_days");
    }
    return Verdict.of(days <= KMS_MAX_ROTATION_DAYS, "rotates every " + days + " days",
        "rotates every " + days + " days (more than " + KMS_MAX_ROTATION_DAYS + ")");
  }

  private static Verdict saKeyAge(Facts f, CheckContext ctx) {
    String type = f.string("key_type");
    if (type == null) {
      return Verdict.unknown("key_type");
    }
    if (!type.equalsIgnoreCase("USER_MANAGED")) {
      return Verdict.pass("Google-managed key (rotated by Google)");
    }
    Instant created = f.time("created");
    if (created == null) {
      return Verdict.unknown("created");
    }
    long age = Duration.between(created, ctx.now()).toDays();
    return Verdict.of(age <= ctx.keyMaxAgeDays(), "user-managed key " + age + " days old",
        "user-managed key " + age + " days old (more than " + ctx.keyMaxAgeDays() + ")");
  }

  private static Verdict projectServiceAccountAdmin(Facts f) {
    List<String> members = f.strings("iam_members");
    if (members == null) {
      return Verdict.unknown("iam_members (export with --content-type=iam-policy)");
    }
    List<String> found = new ArrayList<>();
    for (String m : members) {
      int eq = m.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String role = m.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String member = m.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
      // the Google APIs service agent holds Editor by design; it is Google's, not a workload identity
      if (ADMIN_ROLES.contains(role) && member.startsWith("serviceaccount:")
          && !member.endsWith("@cloudservices.gserviceaccount.com")) {
        found.add(m);
      }
    }
    return Verdict.of(found.isEmpty(), "no service account holds Owner or Editor",
        "service accounts with project-wide admin roles: " + String.join(", ", found));
  }

  private static Verdict subnetFlowLogs(Facts f) {
    String purpose = f.string("purpose");
    if (purpose != null && !VM_SUBNET_PURPOSES.contains(purpose.toUpperCase(Locale.ROOT))) {
      return Verdict.pass("a " + purpose + " subnet carries no VM traffic to log");
    }
    return flag(f, "flow_logs", "VPC flow logs are on", "VPC flow logs are off");
  }

  private static Verdict dataAccessAudit(Facts f) {
    List<String> configs = f.strings("audit_configs");
    if (configs == null) {
      return Verdict.unknown("audit_configs (export with --content-type=iam-policy)");
    }
    for (String service : List.of("allServices", "storage.googleapis.com")) {
      if (configs.contains(service + ":DATA_READ") && configs.contains(service + ":DATA_WRITE")) {
        return Verdict.pass("data access logs on for " + service);
      }
    }
    return Verdict.fail("DATA_READ and DATA_WRITE audit logs are not on for allServices nor Cloud Storage:"
        + " reads of data leave no trace");
  }
}
