package dev.kumo.posture.rank;

import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether a log source records activity on one resource, decided from the inventory's logging configuration
 * (trails and their data-event selectors, flow logs, threat detectors, diagnostic settings, audit configs).
 *
 * <p>Telemetry ids and the Kumo log source whose rules read them: {@code aws.cloudtrail},
 * {@code aws.cloudtrail.s3-data} and {@code aws.cloudtrail.lambda-data} (source {@code aws.cloudtrail});
 * {@code aws.s3access}; {@code aws.vpcflow}; {@code aws.guardduty}; {@code aws.eks.audit}
 * ({@code kubernetes.audit}); {@code azure.activity}; {@code azure.defender}; {@code azure.nsgflow} and
 * {@code azure.diagnostics} (no Kumo rules yet); {@code gcp.audit} and {@code gcp.audit.data-access}
 * ({@code gcp.audit}); {@code gcp.vpcflow} (no Kumo rules yet).
 */
public final class Telemetry {
  /** Whether a source is on for a resource. */
  public enum State {
    ON,
    OFF,
    /** The inventory does not carry the logging configuration needed to tell. */
    UNKNOWN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Map<String, String> SOURCES = Map.ofEntries(
      Map.entry("aws.cloudtrail", "aws.cloudtrail"), Map.entry("aws.cloudtrail.s3-data", "aws.cloudtrail"),
      Map.entry("aws.cloudtrail.lambda-data", "aws.cloudtrail"), Map.entry("aws.s3access", "aws.s3access"),
      Map.entry("aws.vpcflow", "aws.vpcflow"), Map.entry("aws.guardduty", "aws.guardduty"),
      Map.entry("aws.eks.audit", "kubernetes.audit"), Map.entry("azure.activity", "azure.activity"),
      Map.entry("azure.defender", "azure.defender"), Map.entry("gcp.audit", "gcp.audit"),
      Map.entry("gcp.audit.data-access", "gcp.audit"));

  private final Inventory inventory;

  public Telemetry(Inventory inventory) {
    this.inventory = inventory;
  }

  /** The Kumo log source id whose rules read this telemetry, or null when Kumo has no rules for it. */
  public static @Nullable String sourceOf(String telemetry) {
    return SOURCES.get(telemetry);
  }

  /** Whether {@code telemetry} is on for {@code r}; unknown telemetry ids are {@link State#UNKNOWN}. */
  public State state(String telemetry, Resource r) {
    return switch (telemetry) {
      case "aws.cloudtrail" -> trail(r, null, "");
      case "aws.cloudtrail.s3-data" -> trail(r, "s3_data_events", s3Arn(r));
      case "aws.cloudtrail.lambda-data" -> trail(r, "lambda_data_events", r.id());
      case "aws.s3access" -> flag(r.facts().bool("access_logging"));
      case "aws.vpcflow" -> vpcFlow(r);
      case "aws.guardduty" -> regional(r, "aws.guardduty.detector", "enabled");
      case "aws.eks.audit" -> r.facts().strings("logging_types") == null ? State.UNKNOWN
          : flag(r.facts().strings("logging_types").contains("audit"));
      case "azure.activity" -> azureActivity(r);
      case "azure.defender" -> azureDefender(r);
      case "azure.nsgflow" -> azureFlow(r);
      case "azure.diagnostics" -> azureDiagnostics(r);
      case "gcp.audit" -> State.ON; // Admin Activity audit logs cannot be turned off
      case "gcp.audit.data-access" -> gcpDataAccess(r);
      case "gcp.vpcflow" -> regional(r, "gcp.compute.subnetwork", "flow_logs");
      default -> State.UNKNOWN;
    };
  }

  private static State flag(@Nullable Boolean b) {
    return b == null ? State.UNKNOWN : b ? State.ON : State.OFF;
  }

  private static String s3Arn(Resource r) {
    return r.id().startsWith("arn:") ? r.id() : "arn:aws:s3:::" + r.name();
  }

  /**
   * A logging trail covering the resource's region that records management events, or with
   * {@code dataFact}, data events whose scopes cover {@code arn}.
   */
  private State trail(Resource r, @Nullable String dataFact, String arn) {
    List<Resource> trails = inventory.inAccount("aws.cloudtrail.trail", r);
    if (trails.isEmpty()) {
      return noneFound(r, "aws.cloudtrail.trail");
    }
    boolean unknown = false;
    for (Resource t : trails) {
      Boolean logging = t.facts().bool("logging");
      Boolean multi = t.facts().bool("multi_region");
      String home = Objects.requireNonNullElse(t.facts().string("home_region"), t.region());
      boolean covers = Boolean.TRUE.equals(multi) || r.region().isEmpty() || home.equals(r.region());
      if (!covers) {
        continue;
      }
      if (logging == null) {
        unknown = true;
        continue;
      }
      if (!logging) {
        continue;
      }
      if (dataFact == null) {
        Boolean mgmt = t.facts().bool("management_events");
        if (mgmt == null) {
          unknown = true;
        } else if (mgmt) {
          return State.ON;
        }
        continue;
      }
      List<String> scopes = t.facts().strings(dataFact);
      if (scopes == null) {
        unknown = true;
      } else if (scopes.stream().anyMatch(s -> coversArn(s, arn))) {
        return State.ON;
      }
    }
    return unknown ? State.UNKNOWN : State.OFF;
  }

  /** True when a data-event scope ({@code arn:aws:s3}, {@code arn:aws:s3:::bucket/}, an ARN) covers {@code arn}. */
  static boolean coversArn(String scope, String arn) {
    String s = scope.trim();
    if (s.isEmpty()) {
      return false;
    }
    if (s.equals("arn:aws:s3") || s.equals("arn:aws:s3:::") || s.equals("arn:aws:lambda") || s.equals("*")) {
      return true;
    }
    String base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    return arn.equals(base) || arn.startsWith(base + "/") || (arn + "/").startsWith(s);
  }

  /** OFF when the inventory has this kind of data for the account at all, else UNKNOWN. */
  private State noneFound(Resource r, String kind) {
    return inventory.ofKind(kind).isEmpty() ? State.UNKNOWN : State.OFF;
  }

  private State regional(Resource r, String kind, String fact) {
    boolean any = false;
    for (Resource d : inventory.inAccount(kind, r)) {
      if (r.region().isEmpty() || d.region().equals(r.region())) {
        any = true;
        if (Boolean.TRUE.equals(d.facts().bool(fact))) {
          return State.ON;
        }
      }
    }
    return any ? State.OFF : noneFound(r, kind);
  }

  private State vpcFlow(Resource r) {
    String vpc = r.kind().equals("aws.ec2.vpc") ? r.name() : r.facts().string("vpc_id");
    if (vpc == null) {
      return State.UNKNOWN;
    }
    for (Resource v : inventory.inAccount("aws.ec2.vpc", r)) {
      if (v.name().equals(vpc) || v.id().endsWith("/" + vpc) || v.id().equals(vpc)) {
        return flag(v.facts().bool("flow_logs"));
      }
    }
    return State.UNKNOWN;
  }

  private State azureActivity(Resource r) {
    String prefix = ("/subscriptions/" + r.account() + "/providers/microsoft.insights/diagnosticsettings/")
        .toLowerCase(Locale.ROOT);
    List<Resource> settings = inventory.ofKind("azure.monitor.diagnostic_setting");
    for (Resource s : settings) {
      if (s.id().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return State.ON;
      }
    }
    return settings.isEmpty() ? State.UNKNOWN : State.OFF;
  }

  private State azureDiagnostics(Resource r) {
    String prefix = (r.id() + "/providers/microsoft.insights/diagnosticsettings/").toLowerCase(Locale.ROOT);
    List<Resource> settings = inventory.ofKind("azure.monitor.diagnostic_setting");
    for (Resource s : settings) {
      if (s.id().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return State.ON;
      }
    }
    return settings.isEmpty() ? State.UNKNOWN : State.OFF;
  }

  private State azureFlow(Resource r) {
    List<Resource> logs = inventory.ofKind("azure.network.watcher.flow_log");
    for (Resource l : logs) {
      String target = l.facts().string("target_id");
      if (target != null && target.equalsIgnoreCase(r.id()) && Boolean.TRUE.equals(l.facts().bool("enabled"))) {
        return State.ON;
      }
    }
    return logs.isEmpty() ? State.UNKNOWN : State.OFF;
  }

  private State azureDefender(Resource r) {
    String plan = switch (r.service()) {
      case "storage" -> "StorageAccounts";
      case "compute" -> "VirtualMachines";
      case "sql" -> "SqlServers";
      case "keyvault" -> "KeyVaults";
      case "containerservice" -> "Containers";
      default -> "Arm";
    };
    List<Resource> pricings = inventory.inAccount("azure.security.pricing", r);
    for (Resource p : pricings) {
      if (p.name().equalsIgnoreCase(plan)) {
        String tier = p.facts().string("tier");
        return tier == null ? State.UNKNOWN : flag(tier.equalsIgnoreCase("Standard"));
      }
    }
    return pricings.isEmpty() ? State.UNKNOWN : State.OFF;
  }

  private State gcpDataAccess(Resource r) {
    List<Resource> policies = inventory.inAccount("gcp.project.policy", r);
    if (policies.isEmpty()) {
      return State.UNKNOWN;
    }
    String service = r.service() + ".googleapis.com";
    for (Resource p : policies) {
      List<String> configs = p.facts().strings("audit_configs");
      if (configs == null) {
        return State.UNKNOWN;
      }
      for (String c : configs) {
        String lc = c.toLowerCase(Locale.ROOT);
        if ((lc.startsWith("allservices:") || lc.startsWith(service + ":")) && lc.endsWith(":data_read")) {
          return State.ON;
        }
      }
    }
    return State.OFF;
  }

  /**
   * How widely {@code telemetry} is on: evaluated on every resource it is about (regions for trails and
   * threat detection, buckets for S3 data events and access logs, VPCs for flow logs, ...).
   *
   * @param on resources where it is on
   * @param off resources where it is off
   * @param total resources evaluated (the rest are unknown)
   */
  public record Spread(String telemetry, int on, int off, int total) {
    /** On everywhere it was evaluated, and evaluated somewhere. */
    public boolean everywhere() {
      return total > 0 && on == total;
    }
  }

  /** How widely {@code telemetry} is on across the inventory; see {@link Spread}. */
  public Spread spread(String telemetry) {
    String kind = switch (telemetry) {
      case "aws.cloudtrail", "aws.guardduty" -> "aws.region";
      case "aws.cloudtrail.s3-data", "aws.s3access" -> "aws.s3.bucket";
      case "aws.cloudtrail.lambda-data" -> "aws.lambda.function";
      case "aws.vpcflow" -> "aws.ec2.vpc";
      case "aws.eks.audit" -> "aws.eks.cluster";
      case "azure.activity" -> "azure.subscription";
      case "azure.nsgflow" -> "azure.network.nsg";
      case "azure.defender" -> "azure.subscription";
      case "gcp.audit", "gcp.audit.data-access" -> "gcp.project";
      case "gcp.vpcflow" -> "gcp.region";
      default -> "";
    };
    int on = 0;
    int off = 0;
    List<Resource> targets = kind.isEmpty() ? List.of() : inventory.ofKind(kind);
    for (Resource r : targets) {
      switch (state(telemetry, r)) {
        case ON -> on++;
        case OFF -> off++;
        default -> { }
      }
    }
    return new Spread(telemetry, on, off, targets.size());
  }

  /** The provider a telemetry id belongs to. */
  public static Provider providerOf(String telemetry) {
    return Provider.parse(telemetry.substring(0, telemetry.indexOf('.')));
  }
}
