package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.CliShapes.bool;
import static dev.kumo.posture.inventory.aws.CliShapes.number;
import static dev.kumo.posture.inventory.aws.CliShapes.objects;
import static dev.kumo.posture.inventory.aws.CliShapes.optText;
import static dev.kumo.posture.inventory.aws.CliShapes.text;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.policy.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * IAM outputs: {@code get-account-authorization-details} (users, roles, groups, managed policies),
 * {@code get-credential-report} (CSV in base64), {@code get-account-summary} and
 * {@code get-account-password-policy}; plus {@code sts get-caller-identity} (read for the account id only).
 */
final class CliIam {
  private CliIam() {}

  static List<CliOperation> operations() {
    return List.of(
        CliOperation.list("sts-get-caller-identity", true, (out, into) -> text(out.json(), "Account")),
        CliOperation.list("iam-get-account-authorization-details", true, CliIam::authorizationDetails),
        CliOperation.list("iam-get-credential-report", true, CliIam::credentialReport).inPhase(1),
        CliOperation.list("iam-get-account-summary", true, CliIam::accountSummary),
        CliOperation.list("iam-get-account-password-policy", true, CliIam::passwordPolicy)
            .withErrors("NoSuchEntity"));
  }

  private static void authorizationDetails(CliOutput out, CliResources into) {
    JsonObject d = out.json();
    Map<String, List<String>> members = new TreeMap<>();
    into.each(out, "UserDetailList", objects(d, "UserDetailList"), u -> {
      String name = text(u, "UserName");
      List<String> groups = CliShapes.strings(u, "GroupList");
      for (String g : groups) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(name);
      }
      into.resource(out, "aws.iam.user", text(u, "Arn"), name, "")
          .put("attached_policies", attached(u)).put("inline_policies", inline(u, "UserPolicyList"))
          .put("groups", groups);
    });
    into.each(out, "GroupDetailList", objects(d, "GroupDetailList"), g -> {
      String name = text(g, "GroupName");
      into.resource(out, "aws.iam.group", text(g, "Arn"), name, "")
          .put("attached_policies", attached(g)).put("inline_policies", inline(g, "GroupPolicyList"))
          .put("members", members.getOrDefault(name, List.of()));
    });
    into.each(out, "RoleDetailList", objects(d, "RoleDetailList"), r -> {
      List<String> profiles = new ArrayList<>();
      for (JsonObject p : objects(r, "InstanceProfileList")) {
        profiles.add(text(p, "Arn"));
      }
      into.resource(out, "aws.iam.role", text(r, "Arn"), text(r, "RoleName"), "")
          .put("trust_policy", PolicyDocument.fromTree(r.get("AssumeRolePolicyDocument")))
          .put("attached_policies", attached(r)).put("inline_policies", inline(r, "RolePolicyList"))
          .put("instance_profiles", profiles);
    });
    into.each(out, "Policies", objects(d, "Policies"), p -> {
      String arn = text(p, "Arn");
      String version = optText(p, "DefaultVersionId");
      PolicyDocument doc = null;
      for (JsonObject v : objects(p, "PolicyVersionList")) {
        if (Boolean.TRUE.equals(bool(v, "IsDefaultVersion")) || (version != null
            && version.equals(optText(v, "VersionId")))) {
          doc = PolicyDocument.fromTree(v.get("Document"));
        }
      }
      into.resource(out, "aws.iam.policy", arn, text(p, "PolicyName"), "").put("document", doc)
          .put("attachment_count", number(p, "AttachmentCount"))
          .put("aws_managed", arn.startsWith("arn:aws:iam::aws:policy/"));
    });
  }

  private static List<String> attached(JsonObject o) {
    List<String> out = new ArrayList<>();
    for (JsonObject p : objects(o, "AttachedManagedPolicies")) {
      out.add(text(p, "PolicyArn"));
    }
    return out;
  }

  private static List<PolicyDocument> inline(JsonObject o, String key) {
    List<PolicyDocument> out = new ArrayList<>();
    for (JsonObject p : objects(o, key)) {
      try {
        out.add(PolicyDocument.fromTree(p.get("PolicyDocument")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + " " + optText(p, "PolicyName") + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The CSV report, one user a row; the {@code <root_account>} row is the root user. */
  private static void credentialReport(CliOutput out, CliResources into) {
    String content = text(out.json(), "Content");
    String csv;
    try {
      csv = new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Content is not base64: " + e.getMessage());
    }
    String[] lines = csv.split("\r?\n");
    if (lines.length == 0 || !lines[0].startsWith("user,arn,")) {
      throw new IllegalArgumentException("Content is not a credential report (no user,arn header)");
    }
    String[] header = lines[0].split(",", -1);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      col.put(header[i], i);
    }
    List<String> rows = List.of(lines).subList(1, lines.length).stream().filter(l -> !l.isBlank()).toList();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      index.add(i);
    }
    into.each(out, "Content row", index, i -> {
      Row r = new Row(fields(rows.get(i), header.length), col);
      if (r.get("user").equals("<root_account>")) {
        into.resource(out, "aws.iam.root", r.get("arn"), "root", "")
            .put("mfa_enabled", r.bool("mfa_active"))
            .put("access_keys_present", Boolean.TRUE.equals(r.bool("access_key_1_active"))
                || Boolean.TRUE.equals(r.bool("access_key_2_active")))
            .put("password_last_used", CliShapes.time(r.get("password_last_used")));
        return;
      }
      List<AccessKey> keys = new ArrayList<>();
      for (int k = 1; k <= 2; k++) {
        String p = "access_key_" + k + "_";
        Instant rotated = CliShapes.time(r.get(p + "last_rotated"));
        Boolean active = r.bool(p + "active");
        if (rotated == null && !Boolean.TRUE.equals(active)) {
          continue; // no such key
        }
        String used = r.get(p + "last_used_date");
        keys.add(new AccessKey("access_key_" + k, Boolean.TRUE.equals(active), rotated, CliShapes.time(used),
            used.equals("N/A")));
      }
      into.resource(out, "aws.iam.user", r.get("arn"), r.get("user"), "")
          .put("password_enabled", r.bool("password_enabled")).put("mfa_enabled", r.bool("mfa_active"))
          .put("password_last_used", CliShapes.time(r.get("password_last_used"))).put("access_keys", keys);
    });
  }

  /**
   * A report row's fields. IAM names may hold commas and the report does not quote them: the extra fields
   * belong half to {@code user}, half to {@code arn}.
   */
  private static List<String> fields(String line, int columns) {
    String[] f = line.split(",", -1);
    int extra = f.length - columns;
    if (extra < 0 || extra % 2 != 0) {
      throw new IllegalArgumentException("has " + f.length + " fields, the header " + columns);
    }
    int k = extra / 2;
    List<String> out = new ArrayList<>();
    out.add(String.join(",", List.of(f).subList(0, k + 1)));
    out.add(String.join(",", List.of(f).subList(k + 1, 2 * k + 2)));
    out.addAll(List.of(f).subList(2 * k + 2, f.length));
    return out;
  }

  private record Row(List<String> fields, Map<String, Integer> col) {
    String get(String name) {
      Integer i = col.get(name);
      if (i == null) {
        throw new IllegalArgumentException("the report has no column " + name);
      }
      return fields.get(i);
    }

    @Nullable Boolean bool(String name) {
      String v = get(name);
      return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }
  }

  private static void accountSummary(CliOutput out, CliResources into) {
    JsonObject m = CliShapes.object(out.json().get("SummaryMap"), "SummaryMap");
    Long mfa = number(m, "AccountMFAEnabled");
    Long keys = number(m, "AccountAccessKeysPresent");
    into.resource(out, "aws.iam.root", "arn:aws:iam::" + out.account() + ":root", "root", "")
        .put("mfa_enabled", mfa == null ? null : mfa > 0).put("access_keys_present", keys == null ? null : keys > 0);
  }

  private static void passwordPolicy(CliOutput out, CliResources into) {
    Facts.Builder f = into.resource(out, "aws.iam.password_policy",
        "arn:aws:iam::" + out.account() + ":password-policy", "password-policy", "");
    if (out.failedWith("NoSuchEntity")) {
      f.put("present", false);
      return;
    }
    JsonObject p = CliShapes.object(out.json().get("PasswordPolicy"), "PasswordPolicy");
    Long reuse = number(p, "PasswordReusePrevention");
    f.put("present", true).put("minimum_length", number(p, "MinimumPasswordLength"))
        .put("reuse_prevention", reuse == null ? 0L : reuse).put("max_age_days", number(p, "MaxPasswordAge"))
        .put("require_symbols", bool(p, "RequireSymbols")).put("require_numbers", bool(p, "RequireNumbers"))
        .put("require_uppercase", bool(p, "RequireUppercaseCharacters"))
        .put("require_lowercase", bool(p, "RequireLowercaseCharacters"));
  }
}
