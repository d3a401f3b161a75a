package dev.kumo.detector.identity;

import dev.kumo.detector.InstanceIds;
import dev.kumo.event.Actor;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.json.FieldPath;
import org.jspecify.annotations.Nullable;

/** Who is behind an event, as the identity detectors see it: stable principals, service calls, instance sessions. */
public final class Identities {
  private Identities() {}

  private static final FieldPath EC2_ROLE_DELIVERY = FieldPath.of("userIdentity.sessionContext.ec2RoleDelivery");
  /** The caller's own account (CloudTrail: not the account that logged the call). */
  static final FieldPath CALLER_ACCOUNT = FieldPath.of("userIdentity.accountId");

  /** EC2 instance ids: {@code i-} and 8 or 17 hex digits (any case: anonymized logs mix it). */

  /**
   * Whether a service made the call, not a principal of the customer: an AWS service principal, or
   * a service acting on a principal's behalf ({@code invokedBy}).
   */
  static boolean isServiceCall(Actor a) {
    if (a.invokedBy() != null || "AWSService".equals(a.identityType())) {
      return true;
    }
    String p = a.principal();
    return p != null && p.endsWith(".amazonaws.com");
  }

  /**
   * The principal behind a call, stable across sessions: the role for assumed-role sessions (not
   * the per-session ARN), the principal itself otherwise. Null when the log does not name one
   * (cross-account callers logged as {@code AWSAccount}, anonymous calls).
   */
  static @Nullable String stablePrincipal(Actor a) {
    if ("AssumedRole".equals(a.identityType())) {
      return roleOf(a);
    }
    String p = a.principal();
    return p == null || p.isEmpty() ? null : p;
  }

  /**
   * The role of an assumed-role session: its session issuer when that is a role, else derived from
   * {@code arn:<partition>:sts::<account>:assumed-role/<role>/<session>} (without the role's path).
   */
  public static @Nullable String roleOf(Actor a) {
    String issuer = a.sessionIssuer();
    if (issuer != null && issuer.contains(":role/")) {
      return issuer;
    }
    return roleFromSessionArn(a.principal());
  }

  /** {@code arn:aws:sts::1:assumed-role/R/s} → {@code arn:aws:iam::1:role/R}; null for other values. */
  static @Nullable String roleFromSessionArn(@Nullable String arn) {
    if (arn == null) {
      return null;
    }
    int at = arn.indexOf(":assumed-role/");
    if (!arn.startsWith("arn:") || at < 0) {
      return null;
    }
    String head = arn.substring(0, at); // arn:aws:sts::123456789012
    String[] parts = head.split(":", -1);
    if (parts.length != 5) {
      return null;
    }
    String rest = arn.substring(at + ":assumed-role/".length());
    int slash = rest.indexOf('/');
    String role = slash < 0 ? rest : rest.substring(0, slash);
    if (role.isEmpty()) {
      return null;
    }
    return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role;
  }

  /**
   * A principal as reasons show it: {@code role/<name>} for roles (their paths, such as
   * {@code aws-reserved/sso.amazonaws.com/…}, say nothing), else {@link Reasons#shortPrincipal}.
   */
  static String shortName(String principal) {
    int at = principal.indexOf(":role/");
    if (principal.startsWith("arn:") && at >= 0) {
      return "role/" + lastSegment(principal);
    }
    return Reasons.shortPrincipal(principal);
  }

  /** The last path segment of an ARN ({@code role/path/Name} → {@code Name}). */
  static String lastSegment(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** The account of an ARN ({@code arn:aws:iam::123456789012:role/R} → the fifth field), or null. */
  static @Nullable String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
  }

  /**
   * Whether the call was made with EC2 instance-profile credentials: the session carries the
   * {@code ec2RoleDelivery} marker, or its name is an instance id. Only for assumed-role callers.
   */
  static boolean isInstanceSession(NormalizedEvent e) {
    String principal = e.actor().principal();
    if (principal != null && principal.contains(":assumed-role/")
        && InstanceIds.isLastSegment(principal)) {
      return true;
    }
    return EC2_ROLE_DELIVERY.firstText(e.raw()) != null;
  }
}
