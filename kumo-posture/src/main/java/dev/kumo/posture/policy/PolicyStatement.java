package dev.kumo.posture.policy;

import dev.kumo.json.JsonObject;
import dev.kumo.tuning.Glob;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One statement of an IAM-style policy.
 *
 * @param principals {@code *} for everyone, else {@code TYPE:value} such as {@code AWS:arn:aws:iam::1:root},
 *     {@code AWS:*}, {@code Service:ec2.amazonaws.com}, {@code Federated:...}; empty in identity policies
 * @param notPrincipal true when the principals came from {@code NotPrincipal}
 * @param conditions the {@code Condition} block as written (operator → key → values), empty when none
 */
public record PolicyStatement(boolean allow, List<String> principals, boolean notPrincipal, List<String> actions,
    List<String> notActions, List<String> resources, List<String> notResources, JsonObject conditions) {
  /** Condition keys that tie a public principal down to a known caller, network or organisation. */
  private static final Set<String> RESTRICTING_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount",
      "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:principalorgid",
      "aws:principalaccount", "aws:principalarn", "aws:principalorgpaths", "aws:sourceorgid",
      "aws:resourceaccount", "aws:userid", "aws:username", "kms:calleraccount", "kms:viaservice",
      "lambda:functionurlauthtype", "aws:sourceorgpaths", "aws:principalservicename", "sts:externalid",
      "s3:dataaccesspointaccount");

  public PolicyStatement {
    principals = List.copyOf(principals);
    actions = List.copyOf(actions);
    notActions = List.copyOf(notActions);
    resources = List.copyOf(resources);
    notResources = List.copyOf(notResources);
  }

  /** True when the statement names everyone: {@code "*"}, {@code {"AWS":"*"}} or any NotPrincipal. */
  public boolean anyPrincipal() {
    if (notPrincipal) {
      return true;
    }
    for (String p : principals) {
      if (p.equals("*") || p.equals("AWS:*") || p.equals("CanonicalUser:*")) {
        return true;
      }
    }
    return false;
  }

  /** True when the condition block uses a key that restricts who or where the caller is. */
  public boolean restrictedByCondition() {
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.valueAt(i) instanceof JsonObject keys) {
        for (int k = 0; k < keys.size(); k++) {
          if (RESTRICTING_KEYS.contains(keys.keyAt(k).toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** An Allow to everyone without a restricting condition. */
  public boolean isPublicAllow() {
    return allow && anyPrincipal() && !restrictedByCondition();
  }

  /**
   * True when the statement's actions cover {@code action} (case-insensitive, {@code *} and {@code ?}
   * wildcards); with NotAction, when the action is not excluded.
   */
  public boolean coversAction(String action) {
    if (!notActions.isEmpty()) {
      return notActions.stream().noneMatch(p -> matches(p, action));
    }
    return actions.stream().anyMatch(p -> matches(p, action));
  }

  /** IAM action patterns: {@code *} and {@code ?} wildcards, case-insensitive, linear time. */
  static boolean matches(String pattern, String action) {
    return new Glob(pattern.toLowerCase(Locale.ROOT)).matches(action.toLowerCase(Locale.ROOT));
  }

  /** True when the statement applies to every resource ({@code *}, or a NotResource). */
  public boolean allResources() {
    return resources.contains("*") || !notResources.isEmpty();
  }

  /** True for Allow of {@code *} (or {@code *:*}) on every resource: full administrator. */
  public boolean grantsFullAdmin() {
    return allow && notActions.isEmpty() && allResources()
        && actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
  }

  /** Actions of the form {@code service:*}, in order of appearance (Allow statements only). */
  public List<String> serviceWildcards() {
    if (!allow) {
      return List.of();
    }
    return actions.stream().filter(a -> a.endsWith(":*") && !a.equals("*:*")).toList();
  }
}
