package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.ConfigFacts.policy;
import static dev.kumo.posture.inventory.aws.ConfigShapes.array;
import static dev.kumo.posture.inventory.aws.ConfigShapes.bool;
import static dev.kumo.posture.inventory.aws.ConfigShapes.field;
import static dev.kumo.posture.inventory.aws.ConfigShapes.first;
import static dev.kumo.posture.inventory.aws.ConfigShapes.number;
import static dev.kumo.posture.inventory.aws.ConfigShapes.object;
import static dev.kumo.posture.inventory.aws.ConfigShapes.objects;
import static dev.kumo.posture.inventory.aws.ConfigShapes.string;
import static dev.kumo.posture.inventory.aws.ConfigShapes.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Facts of AWS Config items for identity, database, logging and other service resource types. Newer
 * resource types carry CloudFormation-style PascalCase configurations; field access ignores case, so both
 * spellings are read.
 */
final class ConfigServiceFacts {
  private ConfigServiceFacts() {}

  /** Adds the facts of {@code item} to {@code f}; types without facts add nothing. */
  static void facts(Facts.Builder f, ConfigItem item, Consumer<String> problems) {
    JsonObject c = item.configuration();
    JsonObject sup = item.supplementary();
    switch (item.resourceType()) {
      case "AWS::IAM::User" -> {
        identity(f, c, "userPolicyList", problems);
        if (c.has("groupList")) {
          f.put("groups", strings(array(c, "groupList"), "groupName"));
        }
      }
      case "AWS::IAM::Role" -> {
        identity(f, c, "rolePolicyList", problems);
        f.put("trust_policy", policy(field(c, "assumeRolePolicyDocument"),
            "configuration.assumeRolePolicyDocument", problems));
        if (c.has("instanceProfileList")) {
          f.put("instance_profiles", strings(array(c, "instanceProfileList"), "arn"));
        }
      }
      case "AWS::IAM::Group" -> identity(f, c, "groupPolicyList", problems);
      case "AWS::IAM::Policy" -> managedPolicy(f, c, item, problems);
      case "AWS::RDS::DBInstance" -> {
        f.put("publicly_accessible", bool(c, "publiclyAccessible"));
        f.put("encrypted", bool(c, "storageEncrypted"));
        f.put("deletion_protection", bool(c, "deletionProtection"));
        f.put("multi_az", bool(c, "multiAZ"));
        f.put("auto_minor_version_upgrade", bool(c, "autoMinorVersionUpgrade"));
        f.put("backup_retention_days", number(c, "backupRetentionPeriod"));
        f.put("engine", string(c, "engine"));
      }
      case "AWS::RDS::DBSnapshot" -> {
        f.put("encrypted", bool(c, "encrypted"));
        rdsSnapshotPublic(f, sup);
      }
      case "AWS::Redshift::Cluster" -> {
        f.put("publicly_accessible", bool(c, "publiclyAccessible"));
        f.put("encrypted", bool(c, "encrypted"));
        f.put("logging", bool(object(sup, "LoggingStatus"), "loggingEnabled"));
      }
      case "AWS::CloudTrail::Trail" -> ConfigTrailFacts.facts(f, c);
      case "AWS::KMS::Key" -> {
        f.put("key_manager", string(c, "keyManager"));
        f.put("key_state", string(c, "keyState"));
        Object rotation = first(sup, "KeyRotationStatus", "KeyRotationEnabled");
        f.put("rotation_enabled", rotation instanceof Boolean b ? b
            : rotation instanceof JsonObject o ? bool(o, "keyRotationEnabled")
            : bool(c, "keyRotationEnabled", "EnableKeyRotation"));
        Object keyPolicy = first(sup, "KeyPolicy", "Policy");
        f.put("policy", policy(keyPolicy != null ? keyPolicy : field(c, "KeyPolicy"), "key policy", problems));
      }
      case "AWS::Lambda::Function" -> {
        f.put("role", string(c, "role"));
        f.put("runtime", string(c, "runtime"));
        f.put("policy", policy(field(sup, "Policy"), "supplementaryConfiguration.Policy", problems));
      }
      case "AWS::EKS::Cluster" -> eks(f, c);
      case "AWS::Backup::BackupVault" -> {
        JsonObject lock = object(c, "LockConfiguration");
        Boolean locked = bool(c, "Locked");
        f.put("locked", locked != null ? locked : c.size() > 0 ? lock != null : null);
        f.put("min_retention_days", number(lock != null ? lock : c, "MinRetentionDays"));
      }
      case "AWS::Backup::BackupPlan" -> {
        JsonObject plan = object(c, "BackupPlan");
        JsonObject holder = plan != null ? plan : c;
        Object rules = first(holder, "Rules", "BackupPlanRule");
        f.put("rules", rules instanceof List<?> l ? Long.valueOf(l.size()) : null);
      }
      case "AWS::GuardDuty::Detector" -> guardDuty(f, c);
      case "AWS::ECR::Repository" -> {
        f.put("policy", policy(field(c, "RepositoryPolicyText"), "configuration.RepositoryPolicyText", problems));
        f.put("scan_on_push", bool(object(c, "ImageScanningConfiguration"), "ScanOnPush"));
        String mutability = string(c, "ImageTagMutability");
        f.put("immutable_tags", mutability == null ? null : mutability.toUpperCase(Locale.ROOT).startsWith("IMMUTABLE"));
      }
      default -> {
        // a resource type without facts: its presence alone tells which services are in use
      }
    }
  }

  /** Attached and inline policies of a user, role or group. */
  private static void identity(Facts.Builder f, JsonObject c, String inlineMember, Consumer<String> problems) {
    if (c.has("attachedManagedPolicies")) {
      f.put("attached_policies", strings(array(c, "attachedManagedPolicies"), "policyArn"));
    }
    if (c.has(inlineMember)) {
      List<PolicyDocument> inline = new ArrayList<>();
      List<JsonObject> entries = objects(c, inlineMember);
      for (int i = 0; i < entries.size(); i++) {
        String name = string(entries.get(i), "policyName");
        PolicyDocument p = policy(field(entries.get(i), "policyDocument"),
            "configuration." + inlineMember + "[" + i + "]" + (name == null ? "" : " (" + name + ")"), problems);
        if (p != null) {
          inline.add(p);
        }
      }
      f.put("inline_policies", inline);
    }
  }

  private static void managedPolicy(Facts.Builder f, JsonObject c, ConfigItem item, Consumer<String> problems) {
    List<JsonObject> versions = objects(c, "policyVersionList");
    for (int i = 0; i < versions.size(); i++) {
      if (Boolean.TRUE.equals(bool(versions.get(i), "isDefaultVersion"))) {
        f.put("document", policy(field(versions.get(i), "document"),
            "configuration.policyVersionList[" + i + "].document", problems));
      }
    }
    f.put("attachment_count", number(c, "attachmentCount"));
    String arn = item.arn() != null ? item.arn() : string(c, "arn");
    f.put("aws_managed", arn == null ? null : arn.contains(":iam::aws:policy/"));
  }

  private static void rdsSnapshotPublic(Facts.Builder f, JsonObject sup) {
    Object attrs = field(sup, "DBSnapshotAttributes");
    List<JsonObject> list = attrs instanceof JsonObject o ? objects(o, "dBSnapshotAttributes", "attributes")
        : objects(sup, "DBSnapshotAttributes");
    if (attrs == null) {
      return;
    }
    boolean open = false;
    for (JsonObject a : list) {
      if ("restore".equalsIgnoreCase(string(a, "attributeName"))
          && strings(array(a, "attributeValues"), null).contains("all")) {
        open = true;
      }
    }
    f.put("public", open);
  }

  private static void eks(Facts.Builder f, JsonObject c) {
    JsonObject vpc = object(c, "resourcesVpcConfig");
    f.put("endpoint_public", bool(vpc, "endpointPublicAccess"));
    if (vpc != null && field(vpc, "publicAccessCidrs") != null) {
      f.put("public_access_cidrs", strings(array(vpc, "publicAccessCidrs"), null));
    }
    JsonObject logging = object(c, "logging");
    if (logging != null) {
      List<String> types = new ArrayList<>();
      Object cl = field(logging, "clusterLogging");
      if (cl instanceof JsonObject cfn) {
        types.addAll(strings(array(cfn, "EnabledTypes"), "Type"));
      } else {
        for (JsonObject setup : objects(logging, "clusterLogging")) {
          if (Boolean.TRUE.equals(bool(setup, "enabled"))) {
            types.addAll(strings(array(setup, "types"), null));
          }
        }
      }
      f.put("logging_types", types.stream().distinct().sorted().toList());
    }
    if (c.size() > 0) {
      boolean secrets = objects(c, "encryptionConfig").stream()
          .anyMatch(e -> strings(array(e, "resources"), null).contains("secrets"));
      f.put("secrets_encrypted", secrets);
    }
  }

  private static void guardDuty(Facts.Builder f, JsonObject c) {
    Boolean enable = bool(c, "Enable");
    String status = string(c, "Status");
    f.put("enabled", enable != null ? enable : status == null ? null : status.equalsIgnoreCase("ENABLED"));
    JsonObject ds = object(c, "DataSources");
    Boolean s3 = feature(c, "S3_DATA_EVENTS");
    f.put("s3_protection", s3 != null ? s3 : bool(object(ds, "S3Logs"), "Enable", "Status"));
    Boolean eks = feature(c, "EKS_AUDIT_LOGS");
    f.put("eks_protection", eks != null ? eks
        : bool(object(object(ds, "Kubernetes"), "AuditLogs"), "Enable", "Status"));
    Boolean runtime = feature(c, "RUNTIME_MONITORING");
    Boolean eksRuntime = feature(c, "EKS_RUNTIME_MONITORING");
    f.put("runtime_monitoring", runtime == null && eksRuntime == null ? null
        : Boolean.TRUE.equals(runtime) || Boolean.TRUE.equals(eksRuntime));
  }

  /** Whether the detector feature {@code name} is enabled; null when not listed. */
  private static @Nullable Boolean feature(JsonObject c, String name) {
    for (JsonObject feat : objects(c, "Features")) {
      if (name.equalsIgnoreCase(string(feat, "Name"))) {
        return "ENABLED".equalsIgnoreCase(string(feat, "Status"));
      }
    }
    return null;
  }
}
