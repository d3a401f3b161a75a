package dev.kumo.posture.check.aws;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * KMS customer keys (rotation, pending deletion, who may schedule deletion) and billing alerting.
 *
 * <p>{@code aws-kms-key-deletion-unprotected}: the default key policy grants {@code kms:*} to the account root
 * ({@code arn:aws:iam::ACCOUNT:root}), which only delegates to IAM and passes. Any other principal (a role, a
 * user, another account, {@code *}) allowed {@code kms:ScheduleKeyDeletion} without an MFA condition
 * ({@code aws:MultiFactorAuthPresent}/{@code aws:MultiFactorAuthAge}) or a restricting condition fails, unless
 * a Deny statement for everyone covers {@code kms:ScheduleKeyDeletion}.
 *
 * <p>{@code aws-billing-no-budget-or-alarm}: readers emit budgets and alarms they find, nothing when they find
 * none, so an account with neither budget nor alarm data is unknown (the export may not have included them);
 * it fails only when budgets or alarms were exported for the account and none alerts on spend.
 */
public final class AwsKeyAndBillingChecks implements CheckSet {
  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    r.put("aws-kms-key-rotation-off", AwsKeyAndBillingChecks::rotation);
    r.put("aws-kms-key-pending-deletion", AwsKeyAndBillingChecks::pendingDeletion);
    r.put("aws-kms-key-deletion-unprotected", AwsKeyAndBillingChecks::deletionUnprotected);
    r.put("aws-billing-no-budget-or-alarm", AwsKeyAndBillingChecks::billing);
    return r;
  }

  private static Verdict rotation(Resource key, Inventory inv, CheckContext ctx) {
    Facts f = key.facts();
    String manager = f.string("key_manager");
    if (manager == null) {
      return Verdict.unknown("key_manager");
    }
    if (!manager.equals("CUSTOMER")) {
      return Verdict.pass("AWS managed key: AWS rotates it");
    }
    String state = f.string("key_state");
    if (state == null) {
      return Verdict.unknown("key_state");
    }
    if (!state.equals("Enabled")) {
      return Verdict.pass("key is " + state + ", not in use");
    }
    return AwsIdentityChecks.flag(f, "rotation_enabled", true, "automatic rotation on", "automatic rotation off");
  }

  private static Verdict pendingDeletion(Resource key, Inventory inv, CheckContext ctx) {
    String state = key.facts().string("key_state");
    if (state == null) {
      return Verdict.unknown("key_state");
    }
    return Verdict.of(!state.startsWith("Pending") || !state.endsWith("Deletion"), "key is " + state,
        "key is scheduled for deletion (" + state + ")");
  }

  private static Verdict deletionUnprotected(Resource key, Inventory inv, CheckContext ctx) {
    String manager = key.facts().string("key_manager");
    if ("AWS".equals(manager)) {
      return Verdict.pass("AWS managed key: only AWS can delete it");
    }
    PolicyDocument policy = key.facts().policy("policy");
    if (policy == null) {
      return Verdict.unknown("policy");
    }
    String account = key.account().isEmpty() ? AwsIdentityChecks.arnAccount(key.id()) : key.account();
    for (PolicyStatement s : policy.statements()) {
      if (!s.allow() && s.anyPrincipal() && s.coversAction("kms:ScheduleKeyDeletion")) {
        return Verdict.pass("a Deny statement guards kms:ScheduleKeyDeletion");
      }
    }
    TreeSet<String> who = new TreeSet<>();
    for (PolicyStatement s : policy.statements()) {
      if (!s.allow() || !s.coversAction("kms:ScheduleKeyDeletion") || s.restrictedByCondition() || mfa(s)) {
        continue;
      }
      if (s.anyPrincipal()) {
        who.add("*");
        continue;
      }
      for (String p : s.principals()) {
        String v = p.startsWith("AWS:") ? p.substring(4) : p;
        boolean root = !account.isEmpty()
            && (v.equals(account) || v.equals("arn:aws:iam::" + account + ":root"));
        if (!root) {
          who.add(v);
        }
      }
    }
    return Verdict.of(who.isEmpty(), "only the account root (through IAM) may schedule deletion",
        "kms:ScheduleKeyDeletion allowed without MFA to " + String.join(", ", who));
  }

  private static boolean mfa(PolicyStatement s) {
    JsonObject c = s.conditions();
    for (int i = 0; i < c.size(); i++) {
      if (c.valueAt(i) instanceof JsonObject keys) {
        for (int k = 0; k < keys.size(); k++) {
          String key = keys.keyAt(k).toLowerCase(Locale.ROOT);
          if (key.equals("aws:multifactorauthpresent") || key.equals("aws:multifactorauthage")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Verdict billing(Resource account, Inventory inv, CheckContext ctx) {
    List<Resource> budgets = inv.inAccount("aws.budgets.budget", account);
    List<Resource> alarms = inv.inAccount("aws.cloudwatch.alarm", account);
    boolean unknown = false;
    for (Resource b : budgets) {
      Boolean n = b.facts().bool("has_notifications");
      if (Boolean.TRUE.equals(n)) {
        return Verdict.pass("budget " + b.name() + " notifies");
      }
      unknown |= n == null;
    }
    for (Resource a : alarms) {
      Facts f = a.facts();
      boolean billing = "EstimatedCharges".equals(f.string("metric_name"))
          && "AWS/Billing".equals(f.string("namespace"));
      Boolean actions = f.bool("actions_enabled");
      if (billing && Boolean.TRUE.equals(actions)) {
        return Verdict.pass("billing alarm " + a.name() + " has actions enabled");
      }
      unknown |= f.string("metric_name") == null || f.string("namespace") == null || (billing && actions == null);
    }
    if (unknown) {
      return Verdict.unknown("notifications of the exported budgets or alarms");
    }
    if (budgets.isEmpty() && alarms.isEmpty()) {
      return Verdict.unknown("budgets and CloudWatch alarms of this account");
    }
    return Verdict.fail("no budget with notifications and no billing alarm with actions");
  }
}
