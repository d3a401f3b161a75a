package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.isNull;
import static dev.kumo.posture.inventory.panther.PantherFields.looseString;
import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.objects;
import static dev.kumo.posture.inventory.panther.PantherFields.present;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code AWS.S3.Bucket} snapshots → {@code aws.s3.bucket}. */
public final class PantherS3Mapper implements PantherMapper {
  private static final String BUCKET = "AWS.S3.Bucket";

  @Override
  public Set<String> types() {
    return Set.of(BUCKET);
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    String name = looseString(s, "Name");
    Facts.Builder f = Facts.builder();
    if (present(s, "Grants")) {
      f.put("acl_grants", grants(s));
    }
    if (present(s, "Policy")) {
      f.put("has_policy", !isNull(s, "Policy"));
      f.put("policy", PantherFields.policy(s, "Policy"));
    }
    if (present(s, "PublicAccessBlockConfiguration")) {
      JsonObject pab = object(s, "PublicAccessBlockConfiguration");
      f.put("block_public_acls", flag(pab, "BlockPublicAcls"));
      f.put("ignore_public_acls", flag(pab, "IgnorePublicAcls"));
      f.put("block_public_policy", flag(pab, "BlockPublicPolicy"));
      f.put("restrict_public_buckets", flag(pab, "RestrictPublicBuckets"));
    }
    if (present(s, "Versioning")) {
      String v = looseString(s, "Versioning");
      f.put("versioning", v == null || v.isBlank() ? "Disabled" : v);
    }
    if (present(s, "MFADelete")) {
      f.put("mfa_delete", "Enabled".equalsIgnoreCase(looseString(s, "MFADelete")));
    }
    if (present(s, "EncryptionRules")) {
      f.put("encryption", encryption(objects(s, "EncryptionRules")));
    }
    if (present(s, "LoggingPolicy")) {
      f.put("access_logging", !isNull(s, "LoggingPolicy"));
    }
    if (present(s, "LifecycleRules")) {
      f.put("lifecycle_rules", objects(s, "LifecycleRules").stream()
          .filter(r -> "Enabled".equalsIgnoreCase(looseString(r, "Status"))).count());
    }
    if (present(s, "ObjectLockConfiguration")) {
      JsonObject lock = object(s, "ObjectLockConfiguration");
      f.put("object_lock", lock != null && "Enabled".equalsIgnoreCase(looseString(lock, "ObjectLockEnabled")));
    }
    String region = looseString(s, "Location");
    Resource r = PantherFields.resource("aws.s3.bucket", s, name == null ? null : "arn:aws:s3:::" + name, name,
        f.build(), origin);
    if (r.region().isEmpty() && region != null) {
      r = new Resource(r.provider(), r.kind(), r.id(), r.name(), r.account(), region, r.facts(), r.origin());
    }
    return r;
  }

  private static boolean flag(@Nullable JsonObject pab, String key) {
    if (pab == null) {
      return false;
    }
    Boolean b = bool(pab, key);
    return b != null && b;
  }

  /** {@code GRANTEE:PERMISSION}; a group grantee by the last part of its URI, else canonical id or e-mail. */
  private static List<String> grants(JsonObject s) {
    List<String> out = new ArrayList<>();
    for (JsonObject g : objects(s, "Grants")) {
      JsonObject grantee = object(g, "Grantee");
      String permission = looseString(g, "Permission");
      if (grantee == null || permission == null) {
        throw new IllegalArgumentException("Grants: a grant without Grantee or Permission");
      }
      String uri = looseString(grantee, "URI");
      String who = uri != null ? uri.substring(uri.lastIndexOf('/') + 1) : PantherFields.first(grantee, "ID",
          "EmailAddress", "DisplayName");
      out.add((who == null ? "unknown" : who) + ":" + permission);
    }
    return out;
  }

  private static String encryption(List<JsonObject> rules) {
    for (JsonObject r : rules) {
      JsonObject def = object(r, "ApplyServerSideEncryptionByDefault");
      String alg = def == null ? null : looseString(def, "SSEAlgorithm");
      if (alg != null && !alg.isBlank()) {
        return alg;
      }
    }
    return "none";
  }
}
