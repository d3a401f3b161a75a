package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.ConfigShapes.array;
import static dev.kumo.posture.inventory.aws.ConfigShapes.bool;
import static dev.kumo.posture.inventory.aws.ConfigShapes.field;
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
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The kind and facts of one AWS Config item, for storage and network resource types; identity and service
 * types are in {@link ConfigServiceFacts}. Facts the item does not carry stay absent.
 */
final class ConfigFacts {
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("AWS::S3::Bucket", "aws.s3.bucket"),
      Map.entry("AWS::S3::AccountPublicAccessBlock", "aws.s3.account_settings"),
      Map.entry("AWS::EC2::SecurityGroup", "aws.ec2.security_group"),
      Map.entry("AWS::EC2::NetworkAcl", "aws.ec2.network_acl"),
      Map.entry("AWS::EC2::Instance", "aws.ec2.instance"),
      Map.entry("AWS::EC2::Volume", "aws.ec2.volume"),
      Map.entry("AWS::EC2::VPC", "aws.ec2.vpc"),
      Map.entry("AWS::EC2::FlowLog", "aws.ec2.flow_log"),
      Map.entry("AWS::IAM::User", "aws.iam.user"),
      Map.entry("AWS::IAM::Role", "aws.iam.role"),
      Map.entry("AWS::IAM::Group", "aws.iam.group"),
      Map.entry("AWS::IAM::Policy", "aws.iam.policy"),
      Map.entry("AWS::RDS::DBInstance", "aws.rds.instance"),
      Map.entry("AWS::RDS::DBSnapshot", "aws.rds.snapshot"),
      Map.entry("AWS::Redshift::Cluster", "aws.redshift.cluster"),
      Map.entry("AWS::CloudTrail::Trail", "aws.cloudtrail.trail"),
      Map.entry("AWS::KMS::Key", "aws.kms.key"),
      Map.entry("AWS::Lambda::Function", "aws.lambda.function"),
      Map.entry("AWS::EKS::Cluster", "aws.eks.cluster"),
      Map.entry("AWS::Backup::BackupVault", "aws.backup.vault"),
      Map.entry("AWS::Backup::BackupPlan", "aws.backup.plan"),
      Map.entry("AWS::GuardDuty::Detector", "aws.guardduty.detector"),
      Map.entry("AWS::ECR::Repository", "aws.ecr.repository"));

  private static final List<String> BLOCK_PUBLIC_ACCESS = List.of("block_public_acls", "ignore_public_acls",
      "block_public_policy", "restrict_public_buckets");
  private static final List<String> BLOCK_PUBLIC_ACCESS_FIELDS = List.of("blockPublicAcls", "ignorePublicAcls",
      "blockPublicPolicy", "restrictPublicBuckets");

  private ConfigFacts() {}

  /** Kumo's kind for a Config resource type; unmapped types get {@link ConfigShapes#genericKind}. */
  static String kind(String resourceType) {
    String k = KINDS.get(resourceType);
    return k != null ? k : ConfigShapes.genericKind(resourceType);
  }

  /**
   * The facts of an item; a part that cannot be read (a bad policy) is reported to {@code problems} as a
   * reason naming the member, and the other facts are still returned.
   */
  static Facts facts(ConfigItem item, Consumer<String> problems) {
    Facts.Builder f = Facts.builder();
    JsonObject c = item.configuration();
    switch (item.resourceType()) {
      case "AWS::S3::Bucket" -> bucket(f, item.supplementary(), problems);
      case "AWS::S3::AccountPublicAccessBlock" -> blockPublicAccess(f, c.size() == 0 ? null : c, false);
      case "AWS::EC2::SecurityGroup" -> securityGroup(f, c);
      case "AWS::EC2::NetworkAcl" -> networkAcl(f, c);
      case "AWS::EC2::Instance" -> instance(f, c);
      case "AWS::EC2::Volume" -> f.put("encrypted", bool(c, "encrypted"));
      case "AWS::EC2::VPC" -> f.put("is_default", bool(c, "isDefault"));
      default -> ConfigServiceFacts.facts(f, item, problems);
    }
    return f.build();
  }

  /** Parses a policy member; a bad one is reported as {@code what: reason} and gives null. */
  static @Nullable PolicyDocument policy(@Nullable Object raw, String what, Consumer<String> problems) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      return PolicyDocument.fromTree(raw);
    } catch (IllegalArgumentException e) {
      problems.accept(what + ": " + e.getMessage());
      return null;
    }
  }

  private static void bucket(Facts.Builder f, JsonObject sup, Consumer<String> problems) {
    boolean described = sup.size() > 0;
    if (field(sup, "AccessControlList") instanceof JsonObject acl) {
      f.put("acl_grants", grants(acl));
    }
    JsonObject bp = object(sup, "BucketPolicy");
    if (bp != null) {
      Object text = field(bp, "policyText");
      boolean has = text != null && !(text instanceof String s && s.isBlank());
      f.put("has_policy", has);
      f.put("policy", has ? policy(text, "supplementaryConfiguration.BucketPolicy.policyText", problems) : null);
    }
    JsonObject pab = object(sup, "PublicAccessBlockConfiguration");
    blockPublicAccess(f, pab, described);
    JsonObject v = object(sup, "BucketVersioningConfiguration");
    if (v != null) {
      String status = string(v, "status");
      String versioning = status == null || status.equalsIgnoreCase("Off") ? "Disabled"
          : status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1).toLowerCase(Locale.ROOT);
      f.put("versioning", versioning);
      Boolean mfa = bool(v, "isMfaDeleteEnabled");
      f.put("mfa_delete", mfa == null && versioning.equals("Disabled") ? Boolean.FALSE : mfa);
    }
    JsonObject sse = object(sup, "ServerSideEncryptionConfiguration");
    if (sse != null) {
      String algorithm = null;
      for (JsonObject rule : objects(sse, "rules")) {
        algorithm = string(object(rule, "applyServerSideEncryptionByDefault"), "sseAlgorithm");
        if (algorithm != null) {
          break;
        }
      }
      f.put("encryption", algorithm == null ? "none" : algorithm);
    } else if (described) {
      f.put("encryption", "none");
    }
    JsonObject logging = object(sup, "BucketLoggingConfiguration");
    if (logging != null) {
      f.put("access_logging", string(logging, "destinationBucketName") != null);
    }
    JsonObject lifecycle = object(sup, "BucketLifecycleConfiguration");
    if (lifecycle != null || described) {
      long enabled = objects(lifecycle, "rules").stream()
          .filter(r -> "Enabled".equalsIgnoreCase(string(r, "status"))).count();
      f.put("lifecycle_rules", enabled);
    }
    JsonObject lock = object(sup, "ObjectLockConfiguration");
    if (lock != null) {
      Object enabled = field(lock, "objectLockEnabled");
      f.put("object_lock", enabled instanceof Boolean b ? b : "Enabled".equalsIgnoreCase(String.valueOf(enabled)));
    }
  }

  /** The four flags; with no configuration they are false when {@code described}, else absent. */
  private static void blockPublicAccess(Facts.Builder f, @Nullable JsonObject conf, boolean described) {
    if (conf == null && !described) {
      return;
    }
    for (int i = 0; i < BLOCK_PUBLIC_ACCESS.size(); i++) {
      Boolean b = conf == null ? Boolean.FALSE : bool(conf, BLOCK_PUBLIC_ACCESS_FIELDS.get(i));
      f.put(BLOCK_PUBLIC_ACCESS.get(i), b == null ? Boolean.FALSE : b);
    }
  }

  /** {@code GRANTEE:PERMISSION} for every entry of the ACL's grant list. */
  private static List<String> grants(JsonObject acl) {
    List<String> out = new ArrayList<>();
    for (JsonObject g : objects(acl, "grantList")) {
      Object grantee = field(g, "grantee");
      String who = grantee instanceof String s ? s
          : grantee instanceof JsonObject o ? string(o, "id", "identifier", "emailAddress", "uri") : null;
      String permission = string(g, "permission");
      if (who == null || permission == null) {
        continue;
      }
      int slash = who.lastIndexOf('/');
      if (who.startsWith("http") && slash >= 0) {
        who = who.substring(slash + 1);
      }
      out.add(who + ":" + ConfigShapes.snake(permission).toUpperCase(Locale.ROOT));
    }
    return out;
  }

  private static void securityGroup(Facts.Builder f, JsonObject c) {
    f.put("group_name", string(c, "groupName"));
    f.put("vpc_id", string(c, "vpcId"));
    if (c.size() > 0) {
      f.put("ingress", ConfigShapes.ipPermissions(array(c, "ipPermissions")));
      f.put("egress", ConfigShapes.ipPermissions(array(c, "ipPermissionsEgress")));
    }
  }

  private static void networkAcl(Facts.Builder f, JsonObject c) {
    f.put("vpc_id", string(c, "vpcId"));
    f.put("is_default", bool(c, "isDefault"));
    if (c.size() > 0) {
      f.put("ingress", ConfigShapes.aclEntries(array(c, "entries"), false));
      f.put("egress", ConfigShapes.aclEntries(array(c, "entries"), true));
    }
  }

  private static void instance(Facts.Builder f, JsonObject c) {
    if (c.size() == 0) {
      return;
    }
    f.put("state", string(object(c, "state"), "name"));
    f.put("instance_type", string(c, "instanceType"));
    f.put("image_id", string(c, "imageId"));
    f.put("vpc_id", string(c, "vpcId"));
    f.put("subnet_id", string(c, "subnetId"));
    String publicIp = string(c, "publicIpAddress");
    f.put("public_ip", publicIp);
    f.put("has_public_ip", publicIp != null);
    JsonObject imds = object(c, "metadataOptions");
    f.put("imds_http_tokens", string(imds, "httpTokens"));
    f.put("imds_endpoint", string(imds, "httpEndpoint"));
    f.put("instance_profile", string(object(c, "iamInstanceProfile"), "arn"));
    f.put("security_groups", strings(array(c, "securityGroups"), "groupId"));
    String monitoring = string(object(c, "monitoring"), "state");
    f.put("detailed_monitoring", monitoring == null ? null : monitoring.equalsIgnoreCase("enabled"));
  }
}
