package dev.kumo.incident;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.json.FieldPath;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the {@link IdentityLink} out of an STS event that issued a session. */
public final class IdentityLinks {
  /** STS operations that issue a new session. */
  public static final Set<String> OPERATIONS = Set.of("AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML",
      "GetFederationToken", "GetSessionToken", "AssumeRoot");

  private static final FieldPath KEY = FieldPath.of("responseElements.credentials.accessKeyId");
  private static final FieldPath ASSUMED = FieldPath.of("responseElements.assumedRoleUser.arn");
  private static final FieldPath FEDERATED = FieldPath.of("responseElements.federatedUser.arn");
  private static final FieldPath ROLE = FieldPath.of("requestParameters.roleArn");
  private static final FieldPath SUBJECT = FieldPath.of("responseElements.subjectFromWebIdentityToken");
  private static final FieldPath SAML_SUBJECT = FieldPath.of("responseElements.subject");
  private static final FieldPath PROVIDER = FieldPath.of("responseElements.provider");
  private static final FieldPath ISSUER = FieldPath.of("responseElements.issuer");

  private IdentityLinks() {}

  /** Whether {@code e} may issue a session (a cheap test before {@link #of}). */
  public static boolean candidate(NormalizedEvent e) {
    String op = e.api().operation();
    return op != null && e.api().errorCode() == null && OPERATIONS.contains(op) && "sts".equals(service(e));
  }

  /** The link {@code e} records, or null when it is not a successful session-issuing STS call. */
  public static @Nullable IdentityLink of(NormalizedEvent e) {
    if (!candidate(e)) {
      return null;
    }
    String toKey = KEY.firstText(e.raw());
    String toPrincipal = ASSUMED.firstText(e.raw());
    if (toPrincipal == null) {
      toPrincipal = FEDERATED.firstText(e.raw());
    }
    if (toPrincipal == null && "GetSessionToken".equals(e.api().operation())) {
      toPrincipal = e.actor().principal();
    }
    if (toKey == null && toPrincipal == null) {
      return null;
    }
    String fromPrincipal = e.actor().principal();
    String type = e.actor().identityType();
    if (fromPrincipal == null) {
      String subject = SUBJECT.firstText(e.raw());
      if (subject == null) {
        subject = SAML_SUBJECT.firstText(e.raw());
      }
      String provider = PROVIDER.firstText(e.raw());
      if (provider == null) {
        provider = ISSUER.firstText(e.raw());
      }
      if (subject != null) {
        fromPrincipal = provider == null ? subject : provider + ":" + subject;
      } else {
        fromPrincipal = e.actor().userName() != null ? e.actor().userName() : e.actor().principalId();
      }
    }
    if (type == null) {
      type = switch (e.api().operation()) {
        case "AssumeRoleWithWebIdentity" -> "WebIdentityUser";
        case "AssumeRoleWithSAML" -> "SAMLUser";
        default -> null;
      };
    }
    return new IdentityLink(e.id(), e.time(), e.api().operation(), e.cloud().account(), fromPrincipal,
        e.actor().accessKeyId(), type, toPrincipal, toKey, ROLE.firstText(e.raw()), e.src().ip());
  }

  private static @Nullable String service(NormalizedEvent e) {
    String s = e.api().service();
    if (s == null) {
      return null;
    }
    int dot = s.indexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }
}
