package dev.kumo.posture.inventory.gcp;

import static dev.kumo.posture.inventory.ExportJson.array;
import static dev.kumo.posture.inventory.ExportJson.bool;
import static dev.kumo.posture.inventory.ExportJson.object;
import static dev.kumo.posture.inventory.ExportJson.objects;
import static dev.kumo.posture.inventory.ExportJson.string;
import static dev.kumo.posture.inventory.ExportJson.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.NetworkRule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one asset, by kind (see {@code docs/posture-facts.md}): from {@code resource.data} (the REST
 * representation) and from {@code iam_policy}. Where a REST resource omits a field to mean "off" (bucket
 * versioning, instance metadata flags, subnet flow logs, key rotation), a present {@code data} sets it off.
 */
final class GcpFacts {
  private GcpFacts() {}

  /** Facts from {@code resource.data}; a part that cannot be read is left absent and reported. */
  static Facts ofResource(String kind, JsonObject data, Consumer<String> problem) {
    Facts.Builder f = Facts.builder();
    switch (kind) {
      case GcpKinds.BUCKET -> {
        Boolean uniform = bool(data, "iamConfiguration", "uniformBucketLevelAccess", "enabled");
        f.put("uniform_access", uniform != null ? uniform : bool(data, "iamConfiguration", "bucketPolicyOnly",
            "enabled"));
        f.put("versioning", orFalse(bool(data, "versioning", "enabled")));
        f.put("retention_locked", orFalse(bool(data, "retentionPolicy", "isLocked")));
        String pap = string(data, "iamConfiguration", "publicAccessPrevention");
        f.put("public_access_prevention_enforced", pap == null ? null : pap.equalsIgnoreCase("enforced"));
        f.put("logging", object(data, "logging") != null && string(data, "logging", "logBucket") != null);
      }
      case GcpKinds.FIREWALL -> {
        try {
          List<NetworkRule> rules = FirewallRules.read(data);
          boolean in = FirewallRules.ingress(data);
          f.put("ingress", in ? rules : List.of()).put("egress", in ? List.of() : rules);
        } catch (IllegalArgumentException e) {
          problem.accept("rules left unknown: " + e.getMessage());
        }
        f.put("disabled", orFalse(bool(data, "disabled")));
        f.put("network", string(data, "network"));
      }
      case GcpKinds.INSTANCE -> instance(data, f);
      case GcpKinds.SUBNETWORK -> {
        Boolean enable = bool(data, "logConfig", "enable");
        f.put("flow_logs", orFalse(enable != null ? enable : bool(data, "enableFlowLogs")));
        f.put("purpose", string(data, "purpose"));
      }
      case GcpKinds.SQL_INSTANCE -> sql(data, f);
      case GcpKinds.KMS_KEY -> {
        f.put("purpose", string(data, "purpose"));
        String period = string(data, "rotationPeriod");
        f.put("rotation_enabled", period != null);
        if (period != null) {
          Long days = days(period);
          if (days == null) {
            problem.accept("rotationPeriod '" + period + "' is not a duration in seconds");
          }
          f.put("rotation_period_days", days);
        }
      }
      case GcpKinds.SA_KEY -> {
        f.put("key_type", string(data, "keyType"));
        f.put("disabled", bool(data, "disabled"));
        String after = string(data, "validAfterTime");
        if (after != null) {
          try {
            f.put("created", Instant.parse(after.trim()));
          } catch (DateTimeParseException e) {
            problem.accept("validAfterTime '" + after + "' is not an RFC 3339 time");
          }
        }
        String name = string(data, "name");
        int sa = name == null ? -1 : name.indexOf("/serviceAccounts/");
        if (name != null && sa >= 0) {
          String rest = name.substring(sa + "/serviceAccounts/".length());
          int keys = rest.indexOf("/keys/");
          f.put("service_account", keys < 0 ? rest : rest.substring(0, keys));
        }
      }
      case GcpKinds.SINK -> {
        f.put("filter", string(data, "filter"));
        f.put("destination", string(data, "destination"));
      }
      case GcpKinds.CLUSTER -> cluster(data, f);
      default -> {
        // other kinds: no facts from the resource
      }
    }
    return f.build();
  }

  /** Facts from an {@code iam_policy}: {@code iam_members} and, for projects, {@code audit_configs}. */
  static Facts ofPolicy(String kind, JsonObject policy) {
    Facts.Builder f = Facts.builder();
    TreeSet<String> members = new TreeSet<>();
    for (JsonObject b : objects(policy, "bindings")) {
      String role = string(b, "role");
      List<String> ms = strings(b, "members");
      if (role != null && ms != null) {
        ms.forEach(m -> members.add(role + "=" + m));
      }
    }
    f.put("iam_members", List.copyOf(members));
    if (kind.equals(GcpKinds.PROJECT)) {
      f.put("audit_configs", auditConfigs(policy));
    }
    return f.build();
  }

  /** The facts of an IAM-bearing kind that an IAM export shows without a policy: no bindings at all. */
  static Facts noPolicy(String kind) {
    Facts.Builder f = Facts.builder().put("iam_members", List.of());
    if (kind.equals(GcpKinds.PROJECT)) {
      f.put("audit_configs", List.of());
    }
    return f.build();
  }

  private static List<String> auditConfigs(JsonObject policy) {
    TreeSet<String> out = new TreeSet<>();
    List<JsonObject> configs = new ArrayList<>(objects(policy, "audit_configs"));
    if (configs.isEmpty()) {
      configs.addAll(objects(policy, "auditConfigs"));
    }
    for (JsonObject c : configs) {
      String service = string(c, "service");
      List<JsonObject> logs = new ArrayList<>(objects(c, "audit_log_configs"));
      if (logs.isEmpty()) {
        logs.addAll(objects(c, "auditLogConfigs"));
      }
      for (JsonObject l : logs) {
        String type = string(l, "log_type");
        if (type == null) {
          type = string(l, "logType");
        }
        if (service != null && type != null) {
          out.add(service + ":" + type);
        }
      }
    }
    return List.copyOf(out);
  }

  private static void instance(JsonObject data, Facts.Builder f) {
    List<JsonObject> accounts = objects(data, "serviceAccounts");
    if (!accounts.isEmpty()) {
      f.put("service_account", string(accounts.get(0), "email"));
      List<String> scopes = strings(accounts.get(0), "scopes");
      f.put("scopes", scopes == null ? List.of() : scopes);
    } else if (array(data, "serviceAccounts") != null || string(data, "name") != null) {
      f.put("scopes", List.of());
    }
    if (array(data, "networkInterfaces") != null) {
      boolean pub = false;
      for (JsonObject nic : objects(data, "networkInterfaces")) {
        for (JsonObject ac : objects(nic, "accessConfigs")) {
          pub |= string(ac, "natIP") != null || "ONE_TO_ONE_NAT".equalsIgnoreCase(string(ac, "type"));
        }
        for (JsonObject ac : objects(nic, "ipv6AccessConfigs")) {
          pub |= string(ac, "externalIpv6") != null;
        }
      }
      f.put("has_public_ip", pub);
    }
    // absent when the instance does not set it: it then inherits the project's metadata (see the reader)
    f.put("serial_port", serialPort(object(data, "metadata")));
  }

  /** The {@code serial-port-enable} value of a metadata object ({@code items} of key/value), or null. */
  static @Nullable Boolean serialPort(@Nullable JsonObject metadata) {
    Boolean serial = null;
    for (JsonObject item : objects(metadata, "items")) {
      if ("serial-port-enable".equalsIgnoreCase(string(item, "key"))) {
        String v = string(item, "value");
        serial = v != null && (v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
      }
    }
    return serial;
  }

  private static void sql(JsonObject data, Facts.Builder f) {
    JsonObject ip = object(data, "settings", "ipConfiguration");
    if (ip != null) {
      List<String> nets = new ArrayList<>();
      for (JsonObject n : objects(ip, "authorizedNetworks")) {
        String v = string(n, "value");
        if (v != null) {
          nets.add(v);
        }
      }
      f.put("authorized_networks", nets);
      f.put("public_ip", bool(ip, "ipv4Enabled"));
      String mode = string(ip, "sslMode");
      if (mode != null) {
        String m = mode.toUpperCase(Locale.ROOT);
        f.put("ssl_required", m.equals("ENCRYPTED_ONLY") || m.equals("TRUSTED_CLIENT_CERTIFICATE_REQUIRED"));
      } else {
        f.put("ssl_required", orFalse(bool(ip, "requireSsl")));
      }
    }
    f.put("backups", bool(data, "settings", "backupConfiguration", "enabled"));
  }

  private static void cluster(JsonObject data, Facts.Builder f) {
    f.put("private_endpoint", orFalse(bool(data, "privateClusterConfig", "enablePrivateEndpoint")));
    f.put("legacy_abac", orFalse(bool(data, "legacyAbac", "enabled")));
    String service = string(data, "loggingService");
    List<String> components = strings(data, "loggingConfig", "componentConfig", "enableComponents");
    if (components != null) {
      f.put("logging", !components.isEmpty());
    } else if (service != null) {
      f.put("logging", !service.equalsIgnoreCase("none"));
    }
    if (Boolean.TRUE.equals(bool(data, "masterAuthorizedNetworksConfig", "enabled"))) {
      List<String> cidrs = new ArrayList<>();
      for (JsonObject b : objects(data, "masterAuthorizedNetworksConfig", "cidrBlocks")) {
        String c = string(b, "cidrBlock");
        if (c != null) {
          cidrs.add(c);
        }
      }
      f.put("master_authorized_networks", cidrs);
    }
  }

  /** Whole days (rounded up) of a protobuf duration such as {@code 7776000s}, or null. */
  static @Nullable Long days(String duration) {
    String d = duration.trim();
    if (!d.endsWith("s")) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(d.substring(0, d.length() - 1));
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return null;
      }
      return (long) Math.ceil(seconds / 86400.0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean orFalse(@Nullable Boolean b) {
    return b != null && b;
  }
}
