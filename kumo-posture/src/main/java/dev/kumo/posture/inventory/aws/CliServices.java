package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.CliShapes.bool;
import static dev.kumo.posture.inventory.aws.CliShapes.number;
import static dev.kumo.posture.inventory.aws.CliShapes.objects;
import static dev.kumo.posture.inventory.aws.CliShapes.optText;
import static dev.kumo.posture.inventory.aws.CliShapes.text;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Outputs of the other services: CloudTrail, GuardDuty, AWS Config, KMS, RDS, Lambda, EKS, Backup, Budgets,
 * CloudWatch and Redshift.
 */
final class CliServices {
  private static final String TRAIL = "aws.cloudtrail.trail";

  private CliServices() {}

  static List<CliOperation> operations() {
    return List.of(
        CliOperation.list("cloudtrail-describe-trails", false, CliServices::trails),
        CliOperation.each("cloudtrail-get-trail-status", false, CliServices::trailStatus),
        CliOperation.each("cloudtrail-get-event-selectors", false, CliServices::eventSelectors),
        CliOperation.list("guardduty-list-detectors", false, CliServices::detectors),
        CliOperation.each("guardduty-get-detector", false, CliServices::detector),
        CliOperation.list("configservice-describe-configuration-recorders", false, CliServices::recorders),
        CliOperation.list("configservice-describe-configuration-recorder-status", false, CliServices::recorderStatus)
            .inPhase(1),
        CliOperation.list("kms-list-keys", false, CliServices::keys),
        CliOperation.each("kms-describe-key", false, CliServices::describeKey),
        CliOperation.each("kms-get-key-rotation-status", false, CliServices::keyRotation),
        CliOperation.each("kms-get-key-policy", false, CliServices::keyPolicy),
        CliOperation.list("rds-describe-db-instances", false, CliServices::dbInstances),
        CliOperation.list("rds-describe-db-snapshots", false, CliServices::dbSnapshots),
        CliOperation.each("rds-describe-db-snapshot-attributes", false, CliServices::dbSnapshotAttributes),
        CliOperation.list("lambda-list-functions", false, CliServices::functions),
        CliOperation.each("lambda-get-policy", false, CliServices::functionPolicy, "ResourceNotFoundException"),
        CliOperation.each("lambda-get-function-url-config", false, CliServices::functionUrl,
            "ResourceNotFoundException"),
        CliOperation.each("eks-describe-cluster", false, CliServices::cluster),
        CliOperation.list("backup-list-backup-vaults", false, CliServices::vaults),
        CliOperation.list("backup-list-backup-plans", false, CliServices::plans),
        CliOperation.each("backup-get-backup-plan", false, CliServices::plan),
        CliOperation.list("budgets-describe-budgets", true, CliServices::budgets),
        CliOperation.list("cloudwatch-describe-alarms", false, CliServices::alarms),
        CliOperation.list("redshift-describe-clusters", false, CliServices::redshift));
  }

  private static String arn(CliOutput out, String service, String rest) {
    return "arn:aws:" + service + ":" + out.region() + ":" + out.account() + ":" + rest;
  }

  // --- CloudTrail: describe-trails in a region lists the multi-region trails of other regions too

  private static void trails(CliOutput out, CliResources into) {
    into.each(out, "trailList", objects(out.json(), "trailList"), t -> {
      String home = optText(t, "HomeRegion");
      into.resource(out, TRAIL, text(t, "TrailARN"), text(t, "Name"), home == null ? out.region() : home)
          .put("multi_region", bool(t, "IsMultiRegionTrail")).put("home_region", home)
          .put("organization_trail", bool(t, "IsOrganizationTrail"))
          .put("log_validation", bool(t, "LogFileValidationEnabled")).put("kms_key", optText(t, "KmsKeyId"))
          .put("cloudwatch_logs", t.has("CloudWatchLogsLogGroupArn")
              ? optText(t, "CloudWatchLogsLogGroupArn") != null : Boolean.FALSE);
    });
  }

  /** The trail a per-trail file names (by name or ARN); made from the name and region when not listed. */
  private static Facts.Builder trail(CliOutput out, CliResources into, String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      CliResources.Entry e = into.find(nameOrArn);
      String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
      return e != null ? e.facts : into.resource(out, TRAIL, nameOrArn, name, out.region());
    }
    List<CliResources.Entry> named = into.named(TRAIL, out.account(), nameOrArn);
    for (CliResources.Entry e : named) {
      if (e.region.equals(out.region())) {
        return e.facts;
      }
    }
    if (!named.isEmpty()) {
      return named.get(0).facts;
    }
    return into.resource(out, TRAIL, arn(out, "cloudtrail", "trail/" + nameOrArn), nameOrArn, out.region());
  }

  private static void trailStatus(CliOutput out, CliResources into) {
    Boolean logging = bool(out.json(), "IsLogging");
    if (logging == null) {
      throw new IllegalArgumentException("missing IsLogging");
    }
    trail(out, into, out.name()).put("logging", logging);
  }

  /**
   * Classic selectors ({@code EventSelectors} with {@code DataResources}) or advanced ones
   * ({@code AdvancedEventSelectors}: {@code eventCategory}, {@code resources.type}, {@code resources.ARN}
   * StartsWith/Equals). An advanced data selector with only negative ARN conditions is not counted.
   */
  private static void eventSelectors(CliOutput out, CliResources into) {
    JsonObject j = out.json();
    String arn = optText(j, "TrailARN");
    Facts.Builder f = trail(out, into, arn != null ? arn : out.name());
    boolean management = false;
    Set<String> s3 = new TreeSet<>();
    Set<String> lambda = new TreeSet<>();
    for (JsonObject sel : objects(j, "EventSelectors")) {
      management |= !Boolean.FALSE.equals(bool(sel, "IncludeManagementEvents"));
      for (JsonObject d : objects(sel, "DataResources")) {
        String type = text(d, "Type");
        for (String v : CliShapes.strings(d, "Values")) {
          if (type.equals("AWS::S3::Object")) {
            s3.add(v.equals("arn:aws:s3:::") || v.equals("arn:aws:s3") ? "arn:aws:s3" : v);
          } else if (type.equals("AWS::Lambda::Function")) {
            lambda.add(v.equals("arn:aws:lambda") ? "arn:aws:lambda" : v);
          }
        }
      }
    }
    for (JsonObject sel : objects(j, "AdvancedEventSelectors")) {
      List<String> category = List.of();
      List<String> types = List.of();
      List<String> arns = new ArrayList<>();
      boolean negative = false;
      for (JsonObject fs : objects(sel, "FieldSelectors")) {
        String field = text(fs, "Field");
        if (field.equals("eventCategory")) {
          category = CliShapes.strings(fs, "Equals");
        } else if (field.equals("resources.type")) {
          types = CliShapes.strings(fs, "Equals");
        } else if (field.equals("resources.ARN")) {
          arns.addAll(CliShapes.strings(fs, "StartsWith"));
          arns.addAll(CliShapes.strings(fs, "Equals"));
          negative |= fs.has("NotStartsWith") || fs.has("NotEquals") || fs.has("NotEndsWith");
        }
      }
      if (category.contains("Management")) {
        management = true;
      }
      if (!category.contains("Data") || (arns.isEmpty() && negative)) {
        continue;
      }
      if (types.contains("AWS::S3::Object")) {
        s3.addAll(arns.isEmpty() ? List.of("arn:aws:s3") : arns);
      }
      if (types.contains("AWS::Lambda::Function")) {
        lambda.addAll(arns.isEmpty() ? List.of("arn:aws:lambda") : arns);
      }
    }
    f.put("management_events", management).put("s3_data_events", List.copyOf(s3))
        .put("lambda_data_events", List.copyOf(lambda));
  }

  // --- GuardDuty

  private static Facts.Builder detector(CliOutput out, CliResources into, String id) {
    return into.resource(out, "aws.guardduty.detector", arn(out, "guardduty", "detector/" + id), id, out.region());
  }

  private static void detectors(CliOutput out, CliResources into) {
    for (String id : CliShapes.strings(out.json(), "DetectorIds")) {
      detector(out, into, id);
    }
  }

  private static void detector(CliOutput out, CliResources into) {
    JsonObject d = out.json();
    Facts.Builder f = detector(out, into, out.name()).put("enabled", "ENABLED".equals(text(d, "Status")));
    for (JsonObject feature : objects(d, "Features")) {
      boolean on = "ENABLED".equals(optText(feature, "Status"));
      switch (text(feature, "Name")) {
        case "S3_DATA_EVENTS" -> f.put("s3_protection", on);
        case "EKS_AUDIT_LOGS" -> f.put("eks_protection", on);
        case "RUNTIME_MONITORING" -> f.put("runtime_monitoring", on);
        default -> { }
      }
    }
    JsonObject sources = d.getObject("DataSources");
    if (sources != null && !f.has("s3_protection") && sources.getObject("S3Logs") != null) {
      f.put("s3_protection", "ENABLED".equals(optText(sources.getObject("S3Logs"), "Status")));
    }
  }

  // --- AWS Config

  private static Facts.Builder recorder(CliOutput out, CliResources into, String name) {
    return into.resource(out, "aws.config.recorder", arn(out, "config", "configuration-recorder/" + name), name,
        out.region());
  }

  private static void recorders(CliOutput out, CliResources into) {
    into.each(out, "ConfigurationRecorders", objects(out.json(), "ConfigurationRecorders"), r -> {
      JsonObject g = r.getObject("recordingGroup");
      recorder(out, into, text(r, "name"))
          .put("all_supported", g == null ? null : bool(g, "allSupported"))
          .put("include_global", g == null ? null : bool(g, "includeGlobalResourceTypes"));
    });
  }

  private static void recorderStatus(CliOutput out, CliResources into) {
    into.each(out, "ConfigurationRecordersStatus", objects(out.json(), "ConfigurationRecordersStatus"),
        s -> recorder(out, into, text(s, "name")).put("recording", bool(s, "recording")));
  }

  // --- KMS

  private static Facts.Builder key(CliOutput out, CliResources into, String id) {
    return into.resource(out, "aws.kms.key", arn(out, "kms", "key/" + id), id, out.region());
  }

  private static void keys(CliOutput out, CliResources into) {
    into.each(out, "Keys", objects(out.json(), "Keys"), k -> key(out, into, text(k, "KeyId")));
  }

  private static void describeKey(CliOutput out, CliResources into) {
    JsonObject m = CliShapes.object(out.json().get("KeyMetadata"), "KeyMetadata");
    key(out, into, text(m, "KeyId")).put("key_manager", optText(m, "KeyManager"))
        .put("key_state", optText(m, "KeyState"));
  }

  private static void keyRotation(CliOutput out, CliResources into) {
    Boolean on = bool(out.json(), "KeyRotationEnabled");
    if (on == null) {
      throw new IllegalArgumentException("missing KeyRotationEnabled");
    }
    key(out, into, out.name()).put("rotation_enabled", on);
  }

  private static void keyPolicy(CliOutput out, CliResources into) {
    key(out, into, out.name()).put("policy", PolicyDocument.fromTree(text(out.json(), "Policy")));
  }

  // --- RDS

  private static void dbInstances(CliOutput out, CliResources into) {
    into.each(out, "DBInstances", objects(out.json(), "DBInstances"), d -> {
      String id = text(d, "DBInstanceIdentifier");
      String arn = optText(d, "DBInstanceArn");
      into.resource(out, "aws.rds.instance", arn != null ? arn : arn(out, "rds", "db:" + id), id, out.region())
          .put("publicly_accessible", bool(d, "PubliclyAccessible")).put("encrypted", bool(d, "StorageEncrypted"))
          .put("deletion_protection", bool(d, "DeletionProtection")).put("multi_az", bool(d, "MultiAZ"))
          .put("auto_minor_version_upgrade", bool(d, "AutoMinorVersionUpgrade"))
          .put("backup_retention_days", number(d, "BackupRetentionPeriod")).put("engine", optText(d, "Engine"));
    });
  }

  private static Facts.Builder dbSnapshot(CliOutput out, CliResources into, String id) {
    return into.resource(out, "aws.rds.snapshot", arn(out, "rds", "snapshot:" + id), id, out.region());
  }

  private static void dbSnapshots(CliOutput out, CliResources into) {
    into.each(out, "DBSnapshots", objects(out.json(), "DBSnapshots"),
        s -> dbSnapshot(out, into, text(s, "DBSnapshotIdentifier")).put("encrypted", bool(s, "Encrypted")));
  }

  private static void dbSnapshotAttributes(CliOutput out, CliResources into) {
    JsonObject r = CliShapes.object(out.json().get("DBSnapshotAttributesResult"), "DBSnapshotAttributesResult");
    boolean everyone = false;
    for (JsonObject a : objects(r, "DBSnapshotAttributes")) {
      if ("restore".equals(optText(a, "AttributeName"))) {
        everyone |= CliShapes.strings(a, "AttributeValues").contains("all");
      }
    }
    dbSnapshot(out, into, out.name()).put("public", everyone);
  }

  // --- Lambda

  private static Facts.Builder function(CliOutput out, CliResources into, String name) {
    return into.resource(out, "aws.lambda.function", arn(out, "lambda", "function:" + name), name, out.region());
  }

  private static void functions(CliOutput out, CliResources into) {
    into.each(out, "Functions", objects(out.json(), "Functions"), fn -> function(out, into,
        text(fn, "FunctionName")).put("role", optText(fn, "Role")).put("runtime", optText(fn, "Runtime")));
  }

  /** {@code ResourceNotFoundException} means the function has no resource policy. */
  private static void functionPolicy(CliOutput out, CliResources into) {
    if (out.failedWith("ResourceNotFoundException")) {
      function(out, into, out.name()).put("has_policy", false);
    } else {
      function(out, into, out.name()).put("policy", PolicyDocument.fromTree(text(out.json(), "Policy")))
          .put("has_policy", true);
    }
  }

  /** {@code ResourceNotFoundException} means the function has no URL. */
  private static void functionUrl(CliOutput out, CliResources into) {
    if (out.failedWith("ResourceNotFoundException")) {
      function(out, into, out.name()).put("has_url", false);
    } else {
      function(out, into, out.name()).put("url_auth_type", text(out.json(), "AuthType")).put("has_url", true);
    }
  }

  // --- EKS

  private static void cluster(CliOutput out, CliResources into) {
    JsonObject c = CliShapes.object(out.json().get("cluster"), "cluster");
    String name = text(c, "name");
    String arn = optText(c, "arn");
    Facts.Builder f = into.resource(out, "aws.eks.cluster", arn != null ? arn : arn(out, "eks", "cluster/" + name),
        name, out.region());
    JsonObject vpc = c.getObject("resourcesVpcConfig");
    if (vpc != null) {
      f.put("endpoint_public", bool(vpc, "endpointPublicAccess"))
          .put("public_access_cidrs",
              vpc.has("publicAccessCidrs") ? CliShapes.strings(vpc, "publicAccessCidrs") : null);
    }
    JsonObject logging = c.getObject("logging");
    if (logging != null) {
      Set<String> types = new TreeSet<>();
      for (JsonObject l : objects(logging, "clusterLogging")) {
        if (Boolean.TRUE.equals(bool(l, "enabled"))) {
          types.addAll(CliShapes.strings(l, "types"));
        }
      }
      f.put("logging_types", List.copyOf(types));
    }
    boolean secrets = false;
    for (JsonObject e : objects(c, "encryptionConfig")) {
      secrets |= CliShapes.strings(e, "resources").contains("secrets");
    }
    f.put("secrets_encrypted", secrets);
  }

  // --- Backup, Budgets, CloudWatch, Redshift

  private static void vaults(CliOutput out, CliResources into) {
    into.each(out, "BackupVaultList", objects(out.json(), "BackupVaultList"), v -> {
      String name = text(v, "BackupVaultName");
      String arn = optText(v, "BackupVaultArn");
      into.resource(out, "aws.backup.vault", arn != null ? arn : arn(out, "backup", "backup-vault:" + name), name,
          out.region()).put("locked", Boolean.TRUE.equals(bool(v, "Locked")))
          .put("min_retention_days", number(v, "MinRetentionDays"));
    });
  }

  private static Facts.Builder plan(CliOutput out, CliResources into, String id, String name) {
    return into.resource(out, "aws.backup.plan", arn(out, "backup", "backup-plan:" + id), name, out.region());
  }

  private static void plans(CliOutput out, CliResources into) {
    into.each(out, "BackupPlansList", objects(out.json(), "BackupPlansList"),
        p -> plan(out, into, text(p, "BackupPlanId"), text(p, "BackupPlanName")));
  }

  private static void plan(CliOutput out, CliResources into) {
    JsonObject p = CliShapes.object(out.json().get("BackupPlan"), "BackupPlan");
    plan(out, into, out.name(), text(p, "BackupPlanName")).put("rules", (long) objects(p, "Rules").size());
  }

  private static void budgets(CliOutput out, CliResources into) {
    into.each(out, "Budgets", objects(out.json(), "Budgets"), b -> {
      String name = text(b, "BudgetName");
      into.resource(out, "aws.budgets.budget", "arn:aws:budgets::" + out.account() + ":budget/" + name, name, "")
          .put("budget_type", optText(b, "BudgetType"));
    });
  }

  private static void alarms(CliOutput out, CliResources into) {
    into.each(out, "MetricAlarms", objects(out.json(), "MetricAlarms"), a -> {
      String name = text(a, "AlarmName");
      String arn = optText(a, "AlarmArn");
      into.resource(out, "aws.cloudwatch.alarm", arn != null ? arn : arn(out, "cloudwatch", "alarm:" + name), name,
          out.region()).put("metric_name", optText(a, "MetricName")).put("namespace", optText(a, "Namespace"))
          .put("actions_enabled", bool(a, "ActionsEnabled"));
    });
  }

  private static void redshift(CliOutput out, CliResources into) {
    into.each(out, "Clusters", objects(out.json(), "Clusters"), c -> {
      String id = text(c, "ClusterIdentifier");
      into.resource(out, "aws.redshift.cluster", arn(out, "redshift", "cluster:" + id), id, out.region())
          .put("publicly_accessible", bool(c, "PubliclyAccessible")).put("encrypted", bool(c, "Encrypted"));
    });
  }
}
