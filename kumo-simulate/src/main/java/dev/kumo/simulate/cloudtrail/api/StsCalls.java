package dev.kumo.simulate.cloudtrail.api;

import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.Resource;
import dev.kumo.simulate.cloudtrail.Timestamps;
import dev.kumo.simulate.engine.RandomIds;
import java.util.SplittableRandom;

/** STS calls that start sessions, with the responses STS logs (the session token is never logged). */
public final class StsCalls {
  private StsCalls() {}

  /**
   * {@code caller} assumes the role of {@code session} (in the session's account, which records it).
   *
   * @param recipient the account whose trail records the call (the role's)
   */
  public static ApiEvent assumeRole(long time, String region, Identity caller, Identity.RoleSession session,
      int durationSeconds, SplittableRandom r) {
    return new ApiEvent(time, session.account(), region, caller, "sts", "AssumeRole")
        .request(obj("roleArn", session.roleArn(), "roleSessionName", session.sessionName(),
            "durationSeconds", durationSeconds))
        .response(obj("credentials", credentials(session, time, durationSeconds, r), "assumedRoleUser",
            obj("assumedRoleId", session.roleId() + ":" + session.sessionName(), "arn", session.arn())))
        .resources(new Resource(session.roleArn(), session.account(), "AWS::IAM::Role"))
        .host("sts." + region + ".amazonaws.com");
  }

  /** An IAM Identity Center user gets a permission set's role ({@code AssumeRoleWithSAML}). */
  public static ApiEvent assumeRoleWithSaml(long time, String region, Identity.SamlUser user,
      Identity.RoleSession session, String samlProviderArn, String portalIssuer, SplittableRandom r) {
    return new ApiEvent(time, session.account(), region, user, "sts", "AssumeRoleWithSAML")
        .request(obj("sAMLAssertionID", "_" + RandomIds.uuid(r), "roleSessionName", session.sessionName(),
            "principalTags", obj("Email", user.userName()), "roleArn", session.roleArn(),
            "principalArn", samlProviderArn, "durationSeconds", 43200))
        .response(obj("credentials", credentials(session, time, 43200, r), "assumedRoleUser",
            obj("assumedRoleId", session.roleId() + ":" + session.sessionName(), "arn", session.arn()),
            "packedPolicySize", 1, "subject", user.userName(), "subjectType", "persistent",
            "issuer", portalIssuer, "audience", "https://signin.aws.amazon.com/saml",
            "nameQualifier", user.identityProvider()))
        .resources(new Resource(session.roleArn(), session.account(), "AWS::IAM::Role"),
            new Resource(samlProviderArn, session.account(), "AWS::IAM::SAMLProvider"));
  }

  /** A GitHub Actions job exchanges its OIDC token for a role session. */
  public static ApiEvent assumeRoleWithWebIdentity(long time, String region, Identity.WebIdentityUser job,
      Identity.RoleSession session, SplittableRandom r) {
    return new ApiEvent(time, session.account(), region, job, "sts", "AssumeRoleWithWebIdentity")
        .request(obj("roleArn", session.roleArn(), "roleSessionName", session.sessionName(), "durationSeconds", 3600))
        .response(obj("credentials", credentials(session, time, 3600, r),
            "subjectFromWebIdentityToken", job.subject(), "assumedRoleUser",
            obj("assumedRoleId", session.roleId() + ":" + session.sessionName(), "arn", session.arn()),
            "provider", job.providerArn(), "audience", job.audience()))
        .additional(obj("identityProviderConnectionVerificationMethod", "IAMTrustStore"))
        .resources(new Resource(session.roleArn(), session.account(), "AWS::IAM::Role"))
        .host("sts." + region + ".amazonaws.com");
  }

  private static dev.kumo.simulate.cloudtrail.Body credentials(Identity.RoleSession s, long time, int seconds,
      SplittableRandom r) {
    return obj("accessKeyId", s.accessKeyId(), "sessionToken", "IQoJb3JpZ2luX2VjE" + RandomIds.alnum(r, 140), "expiration",
        Timestamps.expiration(time + seconds * 1000L));
  }
}
