package dev.kumo.incident;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One identity became another: a successful AssumeRole, AssumeRoleWithWebIdentity,
 * AssumeRoleWithSAML, GetFederationToken or GetSessionToken call and the session it issued.
 *
 * @param eventId the STS call's event id
 * @param time when it happened
 * @param operation the STS operation
 * @param account the account that recorded it
 * @param fromPrincipal who called (ARN, or the web identity / SAML subject), null when unknown
 * @param fromKey the caller's access key id, null for web identity, SAML and service callers
 * @param fromType the caller's identity type (IAMUser, AssumedRole, WebIdentityUser, AWSService ...)
 * @param toPrincipal the issued session's ARN (assumed-role or federated-user ARN)
 * @param toKey the issued session's access key id
 * @param roleArn the assumed role, when a role was assumed
 * @param sourceIp where the call came from
 */
public record IdentityLink(String eventId, Instant time, String operation, @Nullable String account,
    @Nullable String fromPrincipal, @Nullable String fromKey, @Nullable String fromType, @Nullable String toPrincipal,
    @Nullable String toKey, @Nullable String roleArn, @Nullable String sourceIp) implements Serializable {

  /** Whether a cloud service, not a person or workload, made the call (e.g. EC2 delivering instance credentials). */
  public boolean byService() {
    return "AWSService".equals(fromType);
  }
}
