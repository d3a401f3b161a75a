package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.CliShapes.bool;
import static dev.kumo.posture.inventory.aws.CliShapes.objects;
import static dev.kumo.posture.inventory.aws.CliShapes.optText;
import static dev.kumo.posture.inventory.aws.CliShapes.text;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 outputs: {@code s3api list-buckets} and the per-bucket calls, {@code s3control get-public-access-block}.
 * Error outputs whose code means "not configured" set the "none" value of the fact.
 */
final class CliS3 {
  private static final String GROUPS = "http://acs.amazonaws.com/groups/";

  private CliS3() {}

  static List<CliOperation> operations() {
    return List.of(
        CliOperation.list("s3api-list-buckets", true, CliS3::buckets),
        CliOperation.each("s3api-get-bucket-policy", true, CliS3::policy, "NoSuchBucketPolicy"),
        CliOperation.each("s3api-get-bucket-acl", true, CliS3::acl),
        CliOperation.each("s3api-get-public-access-block", true, CliS3::publicAccessBlock,
            "NoSuchPublicAccessBlockConfiguration"),
        CliOperation.each("s3api-get-bucket-versioning", true, CliS3::versioning).allowingEmpty(),
        CliOperation.each("s3api-get-bucket-encryption", true, CliS3::encryption,
            "ServerSideEncryptionConfigurationNotFoundError"),
        CliOperation.each("s3api-get-bucket-logging", true, CliS3::logging).allowingEmpty(),
        CliOperation.each("s3api-get-object-lock-configuration", true, CliS3::objectLock,
            "ObjectLockConfigurationNotFoundError"),
        CliOperation.each("s3api-get-bucket-lifecycle-configuration", true, CliS3::lifecycle,
            "NoSuchLifecycleConfiguration"),
        CliOperation.each("s3api-get-bucket-location", true, CliS3::location),
        CliOperation.list("s3control-get-public-access-block", true, CliS3::accountPublicAccessBlock)
            .withErrors("NoSuchPublicAccessBlockConfiguration"));
  }

  private static Facts.Builder bucket(CliResources into, CliOutput out, String name) {
    return into.resource(out, "aws.s3.bucket", "arn:aws:s3:::" + name, name, "");
  }

  private static void buckets(CliOutput out, CliResources into) {
    into.each(out, "Buckets", objects(out.json(), "Buckets"), b -> bucket(into, out, text(b, "Name")));
  }

  private static void policy(CliOutput out, CliResources into) {
    Facts.Builder f = bucket(into, out, out.name());
    if (out.failedWith("NoSuchBucketPolicy")) {
      f.put("has_policy", false);
      return;
    }
    f.put("policy", PolicyDocument.fromTree(text(out.json(), "Policy"))).put("has_policy", true);
  }

  private static void acl(CliOutput out, CliResources into) {
    List<String> grants = new ArrayList<>();
    if (!out.json().has("Grants")) {
      throw new IllegalArgumentException("missing Grants");
    }
    for (JsonObject g : objects(out.json(), "Grants")) {
      grants.add(grantee(CliShapes.object(g.get("Grantee"), "Grantee")) + ":" + text(g, "Permission"));
    }
    bucket(into, out, out.name()).put("acl_grants", grants);
  }

  private static String grantee(JsonObject g) {
    String uri = optText(g, "URI");
    if (uri != null) {
      return uri.startsWith(GROUPS) ? uri.substring(uri.lastIndexOf('/') + 1) : uri;
    }
    String id = optText(g, "ID");
    if (id != null) {
      return id;
    }
    return text(g, "EmailAddress");
  }

  private static void publicAccessBlock(CliOutput out, CliResources into) {
    blockFlags(out, bucket(into, out, out.name()));
  }

  private static void accountPublicAccessBlock(CliOutput out, CliResources into) {
    blockFlags(out, into.resource(out, "aws.s3.account_settings", "arn:aws:s3:::account/" + out.account(),
        out.account(), ""));
  }

  private static void blockFlags(CliOutput out, Facts.Builder f) {
    JsonObject c = out.failedWith("NoSuchPublicAccessBlockConfiguration") ? JsonObject.EMPTY
        : CliShapes.object(out.json().get("PublicAccessBlockConfiguration"), "PublicAccessBlockConfiguration");
    f.put("block_public_acls", Boolean.TRUE.equals(bool(c, "BlockPublicAcls")))
        .put("ignore_public_acls", Boolean.TRUE.equals(bool(c, "IgnorePublicAcls")))
        .put("block_public_policy", Boolean.TRUE.equals(bool(c, "BlockPublicPolicy")))
        .put("restrict_public_buckets", Boolean.TRUE.equals(bool(c, "RestrictPublicBuckets")));
  }

  /** {@code {}} (the CLI prints nothing) is a bucket whose versioning was never enabled. */
  private static void versioning(CliOutput out, CliResources into) {
    String status = optText(out.json(), "Status");
    bucket(into, out, out.name()).put("versioning", status == null ? "Disabled" : status)
        .put("mfa_delete", "Enabled".equals(optText(out.json(), "MFADelete")));
  }

  private static void encryption(CliOutput out, CliResources into) {
    Facts.Builder f = bucket(into, out, out.name());
    if (out.failedWith("ServerSideEncryptionConfigurationNotFoundError")) {
      f.put("encryption", "none");
      return;
    }
    JsonObject c = CliShapes.object(out.json().get("ServerSideEncryptionConfiguration"),
        "ServerSideEncryptionConfiguration");
    String algorithm = "none";
    for (JsonObject rule : objects(c, "Rules")) {
      JsonObject d = rule.getObject("ApplyServerSideEncryptionByDefault");
      if (d != null) {
        algorithm = text(d, "SSEAlgorithm");
      }
    }
    f.put("encryption", algorithm);
  }

  /** {@code {}} (the CLI prints nothing) is a bucket without server access logging. */
  private static void logging(CliOutput out, CliResources into) {
    bucket(into, out, out.name()).put("access_logging", out.json().getObject("LoggingEnabled") != null);
  }

  private static void objectLock(CliOutput out, CliResources into) {
    Facts.Builder f = bucket(into, out, out.name());
    if (out.failedWith("ObjectLockConfigurationNotFoundError")) {
      f.put("object_lock", false);
      return;
    }
    JsonObject c = CliShapes.object(out.json().get("ObjectLockConfiguration"), "ObjectLockConfiguration");
    f.put("object_lock", "Enabled".equals(optText(c, "ObjectLockEnabled")));
  }

  private static void lifecycle(CliOutput out, CliResources into) {
    long enabled = 0;
    if (!out.failedWith("NoSuchLifecycleConfiguration")) {
      for (JsonObject r : objects(out.json(), "Rules")) {
        if ("Enabled".equals(optText(r, "Status"))) {
          enabled++;
        }
      }
    }
    bucket(into, out, out.name()).put("lifecycle_rules", enabled);
  }

  /** A null constraint is us-east-1, {@code EU} the old name of eu-west-1. */
  private static void location(CliOutput out, CliResources into) {
    if (!out.json().has("LocationConstraint")) {
      throw new IllegalArgumentException("missing LocationConstraint");
    }
    String c = optText(out.json(), "LocationConstraint");
    String region = c == null || c.isEmpty() ? "us-east-1" : c.equals("EU") ? "eu-west-1" : c;
    into.resource(out, "aws.s3.bucket", "arn:aws:s3:::" + out.name(), out.name(), region);
  }
}
