package dev.kumo.posture.check.aws;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import dev.kumo.posture.policy.PolicyStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * IAM checks: root account, users' credentials, customer managed policies, roles' trust and rights, and the
 * account password policy.
 *
 * <p>{@code aws-iam-policy-admin} fails a customer managed policy granting {@code *} on {@code *} even when it
 * is attached to nobody: attaching it is one {@code iam:Attach*Policy} call away, a standing escalation path.
 */
public final class AwsIdentityChecks implements CheckSet {
  /** The AWS managed administrator policy. */
  static final String ADMIN_POLICY_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

  /** Service principals whose code runs workloads an attacker can reach (SSRF, RCE) and steal role keys from. */
  static final Set<String> WORKLOAD_SERVICES = Set.of("ec2.amazonaws.com", "lambda.amazonaws.com",
      "ecs-tasks.amazonaws.com", "eks.amazonaws.com", "eks-fargate-pods.amazonaws.com", "pods.eks.amazonaws.com",
      "glue.amazonaws.com", "sagemaker.amazonaws.com", "codebuild.amazonaws.com", "batch.amazonaws.com",
      "elasticmapreduce.amazonaws.com", "states.amazonaws.com", "apprunner.amazonaws.com",
      "tasks.apprunner.amazonaws.com", "build.apprunner.amazonaws.com", "datapipeline.amazonaws.com",
      "elasticbeanstalk.amazonaws.com", "ssm.amazonaws.com", "edgelambda.amazonaws.com");

  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    r.put("aws-iam-root-mfa", (res, inv, ctx) -> flag(res.facts(), "mfa_enabled", true,
        "root has MFA", "root signs in without MFA"));
    r.put("aws-iam-root-hardware-mfa", AwsIdentityChecks::rootHardwareMfa);
    r.put("aws-iam-root-access-keys", (res, inv, ctx) -> flag(res.facts(), "access_keys_present", false,
        "root has no active access keys", "root has active access keys"));
    r.put("aws-iam-user-console-mfa", AwsIdentityChecks::consoleMfa);
    r.put("aws-iam-access-key-rotation", AwsIdentityChecks::keyRotation);
    r.put("aws-iam-access-key-unused", AwsIdentityChecks::keyUnused);
    r.put("aws-iam-password-unused", AwsIdentityChecks::passwordUnused);
    r.put("aws-iam-user-direct-policies", AwsIdentityChecks::directPolicies);
    r.put("aws-iam-policy-admin", AwsIdentityChecks::policyAdmin);
    r.put("aws-iam-policy-service-wildcard", AwsIdentityChecks::serviceWildcard);
    r.put("aws-iam-workload-role-admin", AwsIdentityChecks::workloadRoleAdmin);
    r.put("aws-iam-role-trust-any-principal", AwsIdentityChecks::trustAnyPrincipal);
    r.put("aws-iam-password-policy-weak", AwsIdentityChecks::passwordPolicy);
    return r;
  }

  /** Pass when the boolean fact equals {@code good}; unknown when absent. */
  static Verdict flag(Facts f, String fact, boolean good, String pass, String fail) {
    Boolean v = f.bool(fact);
    return v == null ? Verdict.unknown(fact) : Verdict.of(v == good, pass, fail);
  }

  private static Verdict rootHardwareMfa(Resource res, Inventory inv, CheckContext ctx) {
    Boolean mfa = res.facts().bool("mfa_enabled");
    if (Boolean.FALSE.equals(mfa)) {
      return Verdict.fail("root has no MFA at all");
    }
    return flag(res.facts(), "hardware_mfa", true, "root uses a hardware MFA device",
        "root uses a virtual MFA device");
  }

  private static Verdict consoleMfa(Resource res, Inventory inv, CheckContext ctx) {
    Boolean password = res.facts().bool("password_enabled");
    if (password == null) {
      return Verdict.unknown("password_enabled");
    }
    if (!password) {
      return Verdict.pass("no console password");
    }
    return flag(res.facts(), "mfa_enabled", true, "console user has MFA", "console password without MFA");
  }

  private static long days(Instant from, CheckContext ctx) {
    return Duration.between(from, ctx.now()).toDays();
  }

  private static Verdict keyRotation(Resource res, Inventory inv, CheckContext ctx) {
    List<AccessKey> keys = res.facts().list("access_keys", AccessKey.class);
    if (keys == null) {
      return Verdict.unknown("access_keys");
    }
    List<String> old = new ArrayList<>();
    for (AccessKey k : keys) {
      if (!k.active()) {
        continue;
      }
      if (k.created() == null) {
        return Verdict.unknown("creation date of access key " + k.id());
      }
      long age = days(k.created(), ctx);
      if (age > ctx.keyMaxAgeDays()) {
        old.add(k.id() + " (" + age + " days)");
      }
    }
    return Verdict.of(old.isEmpty(), "active keys younger than " + ctx.keyMaxAgeDays() + " days",
        "active access key older than " + ctx.keyMaxAgeDays() + " days: " + String.join(", ", old));
  }

  private static Verdict keyUnused(Resource res, Inventory inv, CheckContext ctx) {
    List<AccessKey> keys = res.facts().list("access_keys", AccessKey.class);
    if (keys == null) {
      return Verdict.unknown("access_keys");
    }
    List<String> idle = new ArrayList<>();
    for (AccessKey k : keys) {
      if (!k.active()) {
        continue;
      }
      Instant since = k.lastUsed() != null ? k.lastUsed() : k.neverUsed() ? k.created() : null;
      if (since == null) {
        return Verdict.unknown("last use of access key " + k.id());
      }
      long idleDays = days(since, ctx);
      if (idleDays > ctx.unusedDays()) {
        idle.add(k.id() + (k.lastUsed() == null ? " (never used, created " : " (last used ") + idleDays
            + " days ago)");
      }
    }
    return Verdict.of(idle.isEmpty(), "active keys used within " + ctx.unusedDays() + " days",
        "active access key unused for over " + ctx.unusedDays() + " days: " + String.join(", ", idle));
  }

  private static Verdict passwordUnused(Resource res, Inventory inv, CheckContext ctx) {
    Facts f = res.facts();
    Boolean enabled = f.bool("password_enabled");
    if (enabled == null) {
      return Verdict.unknown("password_enabled");
    }
    if (!enabled) {
      return Verdict.pass("no console password");
    }
    Instant used = f.time("password_last_used");
    Instant since = used;
    if (since == null && Boolean.TRUE.equals(f.bool("password_never_used"))) {
      since = f.time("password_last_changed") != null ? f.time("password_last_changed") : f.time("created");
    }
    if (since == null) {
      return Verdict.unknown("password_last_used");
    }
    long idle = days(since, ctx);
    return Verdict.of(idle <= ctx.unusedDays(), "password used within " + ctx.unusedDays() + " days",
        used == null ? "password never used, set " + idle + " days ago" : "password unused for " + idle + " days");
  }

  private static Verdict directPolicies(Resource res, Inventory inv, CheckContext ctx) {
    Facts f = res.facts();
    List<String> attached = f.strings("attached_policies");
    List<String> attachedNames = f.strings("attached_policy_names");
    List<String> inlineNames = f.strings("inline_policy_names");
    List<PolicyDocument> inline = f.list("inline_policies", PolicyDocument.class);
    if ((attached == null && attachedNames == null) || (inline == null && inlineNames == null)) {
      return Verdict.unknown(attached == null && attachedNames == null ? "attached_policies" : "inline_policies");
    }
    int nAttached = Math.max(attached == null ? 0 : attached.size(), attachedNames == null ? 0 : attachedNames.size());
    int nInline = Math.max(inline == null ? 0 : inline.size(), inlineNames == null ? 0 : inlineNames.size());
    return Verdict.of(nAttached + nInline == 0, "permissions come only through groups or roles",
        "user has " + nAttached + " attached and " + nInline + " inline policies of its own");
  }

  private static Verdict policyAdmin(Resource res, Inventory inv, CheckContext ctx) {
    if (Boolean.TRUE.equals(res.facts().bool("aws_managed"))) {
      return Verdict.pass("AWS managed policy (not judged here)");
    }
    PolicyDocument doc = res.facts().policy("document");
    if (doc == null) {
      return Verdict.unknown("document");
    }
    Long count = res.facts().number("attachment_count");
    return Verdict.of(!doc.grantsFullAdmin(), "does not grant * on *",
        "grants * on * (" + (count == null ? "attachments unknown" : count + " attachments") + ")");
  }

  private static Verdict serviceWildcard(Resource res, Inventory inv, CheckContext ctx) {
    if (Boolean.TRUE.equals(res.facts().bool("aws_managed"))) {
      return Verdict.pass("AWS managed policy (not judged here)");
    }
    PolicyDocument doc = res.facts().policy("document");
    if (doc == null) {
      return Verdict.unknown("document");
    }
    TreeSet<String> found = new TreeSet<>();
    for (PolicyStatement s : doc.statements()) {
      found.addAll(s.serviceWildcards());
    }
    return Verdict.of(found.isEmpty(), "no service:* actions", "allows every action of " + String.join(", ", found));
  }

  private static Verdict workloadRoleAdmin(Resource res, Inventory inv, CheckContext ctx) {
    PolicyDocument trust = res.facts().policy("trust_policy");
    if (trust == null) {
      return Verdict.unknown("trust_policy");
    }
    List<String> workloads = trust.trustedServices().stream().filter(WORKLOAD_SERVICES::contains).sorted().toList();
    if (workloads.isEmpty()) {
      return Verdict.pass("not assumable by a workload service");
    }
    Admin admin = adminRights(res, inv);
    String who = String.join(", ", workloads);
    return switch (admin.kind) {
      case YES -> Verdict.fail("assumable by " + who + " and has admin rights through " + admin.how);
      case NO -> Verdict.pass("assumable by " + who + " without admin rights");
      case UNKNOWN -> Verdict.unknown(admin.how);
    };
  }

  private enum Tri { YES, NO, UNKNOWN }

  private record Admin(Tri kind, String how) {}

  /** Whether a principal's attached and inline policies grant {@code *} on {@code *}. */
  private static Admin adminRights(Resource principal, Inventory inv) {
    Facts f = principal.facts();
    List<String> arns = f.strings("attached_policies");
    List<String> names = f.strings("attached_policy_names");
    List<PolicyDocument> inline = f.list("inline_policies", PolicyDocument.class);
    if (inline != null && inline.stream().anyMatch(PolicyDocument::grantsFullAdmin)) {
      return new Admin(Tri.YES, "an inline policy");
    }
    List<String> unresolved = new ArrayList<>();
    if (arns != null) {
      for (String arn : arns) {
        if (arn.equals(ADMIN_POLICY_ARN)) {
          return new Admin(Tri.YES, "AdministratorAccess");
        }
        Resource p = inv.byId(arn);
        Tri t = customerPolicyAdmin(p);
        if (t == Tri.YES) {
          return new Admin(Tri.YES, "customer policy " + arn);
        }
        if (t == Tri.UNKNOWN && !arn.startsWith("arn:aws:iam::aws:policy/")) {
          unresolved.add(arn);
        }
      }
    }
    if (names != null) {
      for (String name : names) {
        if (name.equals("AdministratorAccess")) {
          return new Admin(Tri.YES, "AdministratorAccess");
        }
        List<Resource> matches = inv.inAccount("aws.iam.policy", principal).stream()
            .filter(p -> p.name().equals(name)).toList();
        Tri t = matches.isEmpty() ? Tri.UNKNOWN : customerPolicyAdmin(matches.get(0));
        if (t == Tri.YES) {
          return new Admin(Tri.YES, "customer policy " + name);
        }
        if (t == Tri.UNKNOWN) {
          unresolved.add(name);
        }
      }
    }
    if (arns == null && names == null) {
      return new Admin(Tri.UNKNOWN, "attached_policies");
    }
    if (inline == null) {
      return new Admin(Tri.UNKNOWN, "inline_policies");
    }
    if (!unresolved.isEmpty()) {
      return new Admin(Tri.UNKNOWN, "documents of attached policies " + String.join(", ", unresolved));
    }
    return new Admin(Tri.NO, "");
  }

  private static Tri customerPolicyAdmin(@Nullable Resource policy) {
    if (policy == null) {
      return Tri.UNKNOWN;
    }
    PolicyDocument doc = policy.facts().policy("document");
    return doc == null ? Tri.UNKNOWN : doc.grantsFullAdmin() ? Tri.YES : Tri.NO;
  }

  private static Verdict trustAnyPrincipal(Resource res, Inventory inv, CheckContext ctx) {
    PolicyDocument trust = res.facts().policy("trust_policy");
    if (trust == null) {
      return Verdict.unknown("trust_policy");
    }
    String own = res.account().isEmpty() ? arnAccount(res.id()) : res.account();
    List<String> open = new ArrayList<>();
    for (PolicyStatement s : trust.statements()) {
      if (!s.allow() || s.restrictedByCondition()) {
        continue;
      }
      if (s.anyPrincipal()) {
        open.add("anyone");
        continue;
      }
      for (String p : s.principals()) {
        if (!p.startsWith("AWS:")) {
          continue;
        }
        String acct = principalAccount(p.substring(4));
        if (acct.isEmpty() && own.isEmpty()) {
          continue;
        }
        if (own.isEmpty()) {
          return Verdict.unknown("role account");
        }
        if (!acct.isEmpty() && !acct.equals(own)) {
          open.add("account " + acct + " without sts:ExternalId");
        }
      }
    }
    return Verdict.of(open.isEmpty(), "trusts only this account, services or conditioned principals",
        "trust policy lets " + String.join(", ", new TreeSet<>(open)) + " assume the role");
  }

  /** The account of an AWS principal: an ARN's account field or a bare 12-digit id; "" otherwise. */
  static String principalAccount(String principal) {
    if (principal.matches("\\d{12}")) {
      return principal;
    }
    return arnAccount(principal);
  }

  static String arnAccount(String arn) {
    String[] parts = arn.split(":", 6);
    return arn.startsWith("arn:") && parts.length > 4 ? parts[4] : "";
  }

  private static Verdict passwordPolicy(Resource account, Inventory inv, CheckContext ctx) {
    List<Resource> policies = inv.inAccount("aws.iam.password_policy", account);
    if (policies.isEmpty()) {
      return Verdict.unknown("aws.iam.password_policy for this account");
    }
    Facts f = policies.get(0).facts();
    Boolean present = f.bool("present");
    if (Boolean.FALSE.equals(present)) {
      return Verdict.fail("the account has no password policy");
    }
    Long length = f.number("minimum_length");
    Long reuse = f.number("reuse_prevention");
    if (length == null || reuse == null) {
      return Verdict.unknown(length == null ? "minimum_length" : "reuse_prevention");
    }
    List<String> weak = new ArrayList<>();
    if (length < 14) {
      weak.add("minimum length " + length + " < 14");
    }
    if (reuse < 24) {
      weak.add("reuse prevention " + reuse + " < 24");
    }
    return Verdict.of(weak.isEmpty(), "length >= 14 and reuse prevention >= 24", String.join("; ", weak));
  }
}
