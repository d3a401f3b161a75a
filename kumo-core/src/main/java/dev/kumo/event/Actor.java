package dev.kumo.event;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Who acted (OCSF {@code actor}).
 *
 * @param identityType e.g. {@code IAMUser}, {@code AssumedRole}, {@code Root}, {@code AWSService}
 * @param principal the principal's ARN or equivalent unique name
 * @param principalId provider's stable id for the principal
 * @param userName a short human name (user name, role name or session name)
 * @param accessKeyId credential used, when known
 * @param sessionIssuer for temporary credentials: the role or user that issued the session
 * @param mfa whether the session was MFA-authenticated, when known
 * @param sourceIdentity the source identity set on the session, when present
 * @param invokedBy the service that made the call on the principal's behalf, when present
 */
public record Actor(
    @Nullable String identityType,
    @Nullable String principal,
    @Nullable String principalId,
    @Nullable String userName,
    @Nullable String accessKeyId,
    @Nullable String sessionIssuer,
    @Nullable Boolean mfa,
    @Nullable String sourceIdentity,
    @Nullable String invokedBy) implements Serializable {

  public static final Actor UNKNOWN = new Actor(null, null, null, null, null, null, null, null, null);

  /** The best short label: the principal ARN, else the user name, else the principal id. */
  public @Nullable String label() {
    return principal != null ? principal : userName != null ? userName : principalId;
  }
}
