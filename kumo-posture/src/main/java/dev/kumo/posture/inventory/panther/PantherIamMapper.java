package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.account;
import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.never;
import static dev.kumo.posture.inventory.panther.PantherFields.number;
import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.objects;
import static dev.kumo.posture.inventory.panther.PantherFields.policyOrNull;
import static dev.kumo.posture.inventory.panther.PantherFields.string;
import static dev.kumo.posture.inventory.panther.PantherFields.strings;
import static dev.kumo.posture.inventory.panther.PantherFields.time;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps Panther IAM snapshots: {@code AWS.IAM.RootUser} → {@code aws.iam.root}, {@code AWS.IAM.User} (with its
 * {@code CredentialReport}) → {@code aws.iam.user} (or {@code aws.iam.root} for the root ARN),
 * {@code AWS.IAM.Role}, {@code AWS.IAM.Group}, {@code AWS.IAM.Policy} and {@code AWS.PasswordPolicy}.
 *
 * <p>Panther lists managed policies by name ({@code ManagedPolicyNames}), so they become
 * {@code attached_policy_names}, not ARNs. Inline policies become {@code inline_policy_names} and, when every
 * document parses, {@code inline_policies}; one unparsable document leaves {@code inline_policies} absent so
 * checks that read it say unknown. Credential-report dates of {@code 0001-01-01} mean "never".
 */
public final class PantherIamMapper implements PantherMapper {
  private static final Set<String> TYPES = Set.of("AWS.IAM.RootUser", "AWS.IAM.User", "AWS.IAM.Role",
      "AWS.IAM.Group", "AWS.IAM.Policy", "AWS.PasswordPolicy");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    return switch (type) {
      case "AWS.IAM.RootUser" -> root(s, origin);
      case "AWS.IAM.User" -> isRoot(arn(s)) ? root(s, origin) : user(s, origin);
      case "AWS.IAM.Role" -> role(s, origin);
      case "AWS.IAM.Group" -> group(s, origin);
      case "AWS.IAM.Policy" -> policy(s, origin);
      case "AWS.PasswordPolicy" -> passwordPolicy(s, origin);
      default -> throw new IllegalArgumentException("not an IAM resource type: " + type);
    };
  }

  private static @Nullable String arn(JsonObject s) {
    String a = string(s, "Arn");
    return a != null ? a : string(s, "ARN");
  }

  private static boolean isRoot(@Nullable String arn) {
    return arn != null && arn.endsWith(":root");
  }

  private static String required(@Nullable String v, String field) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v;
  }

  private static Resource root(JsonObject s, String origin) {
    JsonObject cr = object(s, "CredentialReport");
    String arn = arn(s);
    if (arn == null && cr != null) {
      arn = string(cr, "ARN");
    }
    String account = account(s, arn);
    String id = arn != null ? arn : "arn:aws:iam::" + required(account, "ARN or AccountId") + ":root";
    Facts.Builder f = Facts.builder();
    if (cr != null) {
      Boolean mfa = bool(cr, "MfaActive");
      f.put("mfa_enabled", mfa);
      // Panther records a virtual device in VirtualMFA; MFA active without one is a hardware device
      if (mfa != null && s.has("VirtualMFA")) {
        f.put("hardware_mfa", mfa && PantherFields.value(s, "VirtualMFA") == null);
      } else if (Boolean.FALSE.equals(mfa)) {
        f.put("hardware_mfa", false);
      }
      List<AccessKey> keys = keys(cr);
      f.put("access_keys", keys);
      f.put("access_keys_present", keys.stream().anyMatch(AccessKey::active));
      f.put("password_last_used", time(cr, "PasswordLastUsed"));
    }
    return new Resource(Provider.AWS, "aws.iam.root", id, "root", account, "", f.build(), origin);
  }

  private static Resource user(JsonObject s, String origin) {
    String arn = required(arn(s), "Arn");
    String name = string(s, "UserName");
    Facts.Builder f = Facts.builder();
    JsonObject cr = object(s, "CredentialReport");
    if (cr != null) {
      f.put("password_enabled", bool(cr, "PasswordEnabled"));
      f.put("mfa_enabled", bool(cr, "MfaActive"));
      f.put("password_last_used", time(cr, "PasswordLastUsed"));
      if (cr.has("PasswordLastUsed")) {
        f.put("password_never_used", never(cr, "PasswordLastUsed"));
      }
      f.put("password_last_changed", time(cr, "PasswordLastChanged"));
      f.put("access_keys", keys(cr));
    }
    f.put("created", time(s, "CreateDate"));
    policies(s, f);
    if (s.has("Groups")) {
      f.put("groups", objects(PantherFields.array(s, "Groups"), "Groups").stream()
          .map(g -> string(g, "GroupName")).filter(n -> n != null).sorted().toList());
    }
    return new Resource(Provider.AWS, "aws.iam.user", arn, name != null ? name : PantherFields.lastPart(arn),
        account(s, arn), "", f.build(), origin);
  }

  private static Resource role(JsonObject s, String origin) {
    String arn = required(arn(s), "Arn");
    String name = string(s, "RoleName");
    Facts.Builder f = Facts.builder();
    Object trust = PantherFields.value(s, "AssumeRolePolicyDocument");
    if (trust != null) {
      PolicyDocument doc = policyOrNull(trust);
      if (doc == null) {
        throw new IllegalArgumentException("AssumeRolePolicyDocument is not a policy");
      }
      f.put("trust_policy", doc);
    }
    policies(s, f);
    return new Resource(Provider.AWS, "aws.iam.role", arn, name != null ? name : PantherFields.lastPart(arn),
        account(s, arn), "", f.build(), origin);
  }

  private static Resource group(JsonObject s, String origin) {
    String arn = required(arn(s), "Arn");
    String name = string(s, "GroupName");
    Facts.Builder f = Facts.builder();
    policies(s, f);
    if (s.has("Users")) {
      f.put("members", objects(PantherFields.array(s, "Users"), "Users").stream()
          .map(u -> string(u, "UserName")).filter(n -> n != null).sorted().toList());
    }
    return new Resource(Provider.AWS, "aws.iam.group", arn, name != null ? name : PantherFields.lastPart(arn),
        account(s, arn), "", f.build(), origin);
  }

  private static Resource policy(JsonObject s, String origin) {
    String arn = required(arn(s), "Arn");
    String name = string(s, "Name");
    Facts.Builder f = Facts.builder();
    Object doc = PantherFields.value(s, "PolicyDocument");
    if (doc != null) {
      PolicyDocument p = policyOrNull(doc);
      if (p == null) {
        throw new IllegalArgumentException("PolicyDocument is not a policy");
      }
      f.put("document", p);
    }
    f.put("attachment_count", number(s, "AttachmentCount"));
    f.put("aws_managed", arn.startsWith("arn:aws:iam::aws:policy/"));
    return new Resource(Provider.AWS, "aws.iam.policy", arn, name != null ? name : PantherFields.lastPart(arn),
        account(s, arn), "", f.build(), origin);
  }

  private static Resource passwordPolicy(JsonObject s, String origin) {
    String account = account(s, null);
    Facts.Builder f = Facts.builder();
    Boolean exists = bool(s, "AnyExist");
    f.put("present", exists);
    if (!Boolean.FALSE.equals(exists)) {
      f.put("minimum_length", number(s, "MinimumPasswordLength"));
      // IAM omits PasswordReusePrevention when reuse is not limited
      Long reuse = number(s, "PasswordReusePrevention");
      f.put("reuse_prevention", reuse == null && exists != null ? Long.valueOf(0) : reuse);
      f.put("max_age_days", number(s, "MaxPasswordAge"));
      f.put("require_symbols", bool(s, "RequireSymbols"));
      f.put("require_numbers", bool(s, "RequireNumbers"));
      f.put("require_uppercase", bool(s, "RequireUppercaseCharacters"));
      f.put("require_lowercase", bool(s, "RequireLowercaseCharacters"));
    }
    String id = "arn:aws:iam::" + account + ":password-policy";
    return new Resource(Provider.AWS, "aws.iam.password_policy", id, "password-policy", account, "", f.build(),
        origin);
  }

  /** Access keys 1 and 2 of a credential report; a key is listed when active or ever created. */
  private static List<AccessKey> keys(JsonObject cr) {
    List<AccessKey> out = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      String p = "AccessKey" + n;
      boolean active = Boolean.TRUE.equals(bool(cr, p + "Active"));
      var created = time(cr, p + "LastRotated");
      if (!active && created == null) {
        continue;
      }
      var lastUsed = time(cr, p + "LastUsedDate");
      boolean neverUsed = lastUsed == null && never(cr, p + "LastUsedDate");
      out.add(new AccessKey("key" + n, active, created, lastUsed, neverUsed));
    }
    return out;
  }

  /** {@code ManagedPolicyNames}, {@code InlinePolicies} / {@code InlinePolicyNames} of users, roles, groups. */
  private static void policies(JsonObject s, Facts.Builder f) {
    if (s.has("ManagedPolicyNames")) {
      List<String> names = strings(s, "ManagedPolicyNames");
      f.put("attached_policy_names", names == null ? List.of() : names.stream().sorted().toList());
    }
    if (s.has("InlinePolicies")) {
      JsonObject inline = object(s, "InlinePolicies");
      List<String> names = new ArrayList<>();
      List<PolicyDocument> docs = new ArrayList<>();
      boolean allParsed = true;
      if (inline != null) {
        for (int i = 0; i < inline.size(); i++) {
          names.add(inline.keyAt(i));
          PolicyDocument d = policyOrNull(inline.valueAt(i));
          if (d == null) {
            allParsed = false;
          } else {
            docs.add(d);
          }
        }
      }
      f.put("inline_policy_names", names.stream().sorted().toList());
      if (allParsed) {
        f.put("inline_policies", docs);
      }
    } else if (s.has("InlinePolicyNames")) {
      List<String> names = strings(s, "InlinePolicyNames");
      f.put("inline_policy_names", names == null ? List.of() : names.stream().sorted().toList());
    }
  }
}
