package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.AwsRules.flag;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import dev.kumo.posture.policy.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * S3 and AWS Backup checks.
 *
 * <p>Public access: a bucket is public when an ACL grants {@code AllUsers} or {@code AuthenticatedUsers} the
 * permission, or the bucket policy allows the action to everyone without a restricting condition — unless
 * Block Public Access neutralises it: {@code ignore_public_acls} (bucket or account) cancels ACL grants,
 * {@code restrict_public_buckets} (bucket or account) cancels public policies. Account settings count when the
 * inventory has the account's {@code aws.s3.account_settings}.
 *
 * <p>{@code aws-backup-no-plan} (kind {@code aws.account}): pass when the account has an AWS Backup plan. When
 * it has none, the verdict depends on whether the export covered AWS Backup at all: with no
 * {@code aws.backup.*} resource anywhere in the inventory it is unknown; otherwise it fails when the account
 * holds data stores (RDS instances, EBS volumes, EFS file systems, DynamoDB tables) and passes when it holds
 * none.
 */
public final class AwsStorageChecks implements CheckSet {
  static final String BUCKET = "aws.s3.bucket";
  static final String ACCOUNT_SETTINGS = "aws.s3.account_settings";
  private static final Set<String> PUBLIC_GRANTEES = Set.of("AllUsers", "AuthenticatedUsers");
  private static final List<String> READ_ACTIONS = List.of("s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion");
  private static final List<String> WRITE_ACTIONS = List.of("s3:PutObject", "s3:DeleteObject",
      "s3:PutBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:DeleteBucket");
  private static final List<String> BPA = List.of("block_public_acls", "ignore_public_acls",
      "block_public_policy", "restrict_public_buckets");
  private static final List<String> DATA_STORES = List.of("aws.rds.instance", "aws.ec2.volume",
      "aws.efs.filesystem", "aws.dynamodb.table");

  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> m = new LinkedHashMap<>();
    m.put("aws-s3-bucket-public-read", (r, inv, ctx) -> publicAccess(r, inv, Set.of("READ", "FULL_CONTROL"),
        READ_ACTIONS, "read"));
    m.put("aws-s3-bucket-public-write", (r, inv, ctx) -> publicAccess(r, inv,
        Set.of("WRITE", "WRITE_ACP", "FULL_CONTROL"), WRITE_ACTIONS, "write"));
    m.put("aws-s3-bucket-public-access-block", AwsStorageChecks::bucketBlock);
    m.put("aws-s3-account-public-access-block", AwsStorageChecks::accountBlock);
    m.put("aws-s3-bucket-versioning", (r, inv, ctx) -> {
      String v = r.facts().string("versioning");
      return v == null ? Verdict.unknown("versioning")
          : Verdict.of(v.equals("Enabled"), "versioning enabled", "versioning " + v);
    });
    m.put("aws-s3-bucket-object-lock", flag("object_lock", true, "Object Lock enabled", "Object Lock not enabled"));
    m.put("aws-s3-bucket-mfa-delete", flag("mfa_delete", true, "MFA delete enabled", "MFA delete not enabled"));
    m.put("aws-s3-bucket-ssl-only", AwsStorageChecks::sslOnly);
    m.put("aws-s3-bucket-encryption", (r, inv, ctx) -> {
      String e = r.facts().string("encryption");
      return e == null ? Verdict.unknown("encryption")
          : Verdict.of(!e.equals("none"), "default encryption " + e, "no default encryption");
    });
    m.put("aws-s3-bucket-access-logging", flag("access_logging", true, "server access logging enabled",
        "server access logging off"));
    m.put("aws-backup-vault-unlocked", flag("locked", true, "Vault Lock configured", "no Vault Lock"));
    m.put("aws-backup-no-plan", AwsStorageChecks::backupPlan);
    return m;
  }

  private static Verdict publicAccess(Resource r, Inventory inv, Set<String> permissions, List<String> actions,
      String what) {
    Facts f = r.facts();
    Resource account = accountSettings(inv, r);
    Boolean ignoreAcls = either(f.bool("ignore_public_acls"), account, "ignore_public_acls");
    Boolean restrict = either(f.bool("restrict_public_buckets"), account, "restrict_public_buckets");
    List<String> reasons = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> grants = f.strings("acl_grants");
    if (!Boolean.TRUE.equals(ignoreAcls)) {
      if (grants == null) {
        unknown.add("acl_grants");
      } else {
        for (String g : grants) {
          int colon = g.lastIndexOf(':');
          if (colon > 0 && PUBLIC_GRANTEES.contains(g.substring(0, colon))
              && permissions.contains(g.substring(colon + 1))) {
            reasons.add("ACL grants " + g);
          }
        }
        if (!reasons.isEmpty() && ignoreAcls == null) {
          unknown.add("ignore_public_acls");
        }
      }
    }
    if (!Boolean.TRUE.equals(restrict)) {
      PolicyDocument p = f.policy("policy");
      Boolean hasPolicy = f.bool("has_policy");
      if (p != null) {
        List<String> allowed = actions.stream().filter(p::publiclyAllows).toList();
        if (!allowed.isEmpty()) {
          reasons.add("policy allows everyone " + String.join(", ", allowed));
          if (restrict == null) {
            unknown.add("restrict_public_buckets");
          }
        }
      } else if (!Boolean.FALSE.equals(hasPolicy)) {
        unknown.add("policy");
      }
    }
    if (!reasons.isEmpty() && unknown.isEmpty()) {
      return Verdict.fail("public " + what + ": " + String.join("; ", reasons)
          + (account == null ? " (account-level Block Public Access not in the inventory)" : ""));
    }
    if (!unknown.isEmpty()) {
      return Verdict.unknown(String.join(", ", unknown));
    }
    return Verdict.pass("no public " + what + " access");
  }

  /** The bucket flag or the account's, true when either is; null when neither is known to be true and one is unknown. */
  private static @Nullable Boolean either(@Nullable Boolean bucket, @Nullable Resource account, String fact) {
    Boolean acc = account == null ? Boolean.FALSE : account.facts().bool(fact);
    if (Boolean.TRUE.equals(bucket) || Boolean.TRUE.equals(acc)) {
      return true;
    }
    return bucket == null || acc == null ? null : false;
  }

  static @Nullable Resource accountSettings(Inventory inv, Resource r) {
    List<Resource> s = r.account().isEmpty() ? List.of() : inv.inAccount(ACCOUNT_SETTINGS, r);
    return s.isEmpty() ? null : s.get(0);
  }

  private static @Nullable Boolean allOn(Facts f) {
    boolean unknown = false;
    for (String flag : BPA) {
      Boolean b = f.bool(flag);
      if (Boolean.FALSE.equals(b)) {
        return false;
      }
      unknown |= b == null;
    }
    return unknown ? null : true;
  }

  private static Verdict bucketBlock(Resource r, Inventory inv, CheckContext ctx) {
    Boolean bucket = allOn(r.facts());
    Resource account = accountSettings(inv, r);
    Boolean acc = account == null ? null : allOn(account.facts());
    if (Boolean.TRUE.equals(bucket)) {
      return Verdict.pass("all four Block Public Access settings on the bucket");
    }
    if (Boolean.TRUE.equals(acc)) {
      return Verdict.pass("all four Block Public Access settings on the account");
    }
    if (bucket == null) {
      return Verdict.unknown("bucket Block Public Access settings");
    }
    return Verdict.fail("Block Public Access not fully on for the bucket"
        + (account == null ? " (account settings not in the inventory)" : " nor the account"));
  }

  private static Verdict accountBlock(Resource r, Inventory inv, CheckContext ctx) {
    Resource account = accountSettings(inv, r);
    if (account == null) {
      return Verdict.unknown(ACCOUNT_SETTINGS + " for account " + r.account());
    }
    Boolean on = allOn(account.facts());
    if (on == null) {
      return Verdict.unknown("account Block Public Access settings");
    }
    return Verdict.of(on, "all four account-level Block Public Access settings on",
        "account-level Block Public Access not fully on");
  }

  private static Verdict sslOnly(Resource r, Inventory inv, CheckContext ctx) {
    PolicyDocument p = r.facts().policy("policy");
    if (p == null) {
      return Boolean.FALSE.equals(r.facts().bool("has_policy"))
          ? Verdict.fail("no bucket policy denying plain-HTTP requests") : Verdict.unknown("policy");
    }
    boolean denies = p.statements().stream().anyMatch(s -> !s.allow() && deniesInsecureTransport(s));
    return Verdict.of(denies, "policy denies requests without TLS", "no Deny on aws:SecureTransport=false");
  }

  /** A condition {@code Bool}/{@code BoolIfExists} {@code aws:SecureTransport} = false. */
  static boolean deniesInsecureTransport(PolicyStatement s) {
    JsonObject c = s.conditions();
    for (int i = 0; i < c.size(); i++) {
      String op = c.keyAt(i).toLowerCase(Locale.ROOT);
      if (!(op.equals("bool") || op.equals("boolifexists")) || !(c.valueAt(i) instanceof JsonObject keys)) {
        continue;
      }
      for (int k = 0; k < keys.size(); k++) {
        if (keys.keyAt(k).equalsIgnoreCase("aws:SecureTransport") && isFalse(keys.valueAt(k))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isFalse(Object v) {
    if (v instanceof JsonArray a) {
      return a.stream().anyMatch(AwsStorageChecks::isFalse);
    }
    return Boolean.FALSE.equals(v) || (v instanceof String s && s.equalsIgnoreCase("false"));
  }

  private static Verdict backupPlan(Resource r, Inventory inv, CheckContext ctx) {
    if (!inv.inAccount("aws.backup.plan", r).isEmpty()) {
      return Verdict.pass("AWS Backup plan present");
    }
    boolean backupCovered = inv.kinds().stream().anyMatch(k -> k.startsWith("aws.backup."));
    if (!backupCovered) {
      return Verdict.unknown("AWS Backup plans (the export has no aws.backup.* resource)");
    }
    List<String> stores = DATA_STORES.stream().filter(k -> !inv.inAccount(k, r).isEmpty()).toList();
    return Verdict.of(stores.isEmpty(), "no data stores to back up",
        "no AWS Backup plan for " + String.join(", ", stores));
  }
}
