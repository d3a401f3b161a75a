package dev.kumo.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Who made a call: the {@code userIdentity} of a CloudTrail event, by type. */
public sealed interface Identity
    permits Identity.IamUser, Identity.RoleSession, Identity.AwsService, Identity.SamlUser, Identity.WebIdentityUser,
    Identity.AwsAccount {

  /** Writes the {@code userIdentity} object. */
  void write(JsonGenerator g, Timestamps times) throws IOException;

  /** The ARN named in AccessDenied messages. */
  String arn();

  /**
   * An IAM user. {@code sessionCreated} is the time of a console or session-token session, or 0 for
   * calls signed with a long-term access key.
   */
  record IamUser(String account, String userName, String principalId, @Nullable String accessKeyId,
      long sessionCreated, boolean mfa) implements Identity {
    @Override
    public String arn() {
      return "arn:aws:iam::" + account + ":user/" + userName;
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "IAMUser");
      g.writeStringField("principalId", principalId);
      g.writeStringField("arn", arn());
      g.writeStringField("accountId", account);
      if (accessKeyId != null) {
        g.writeStringField("accessKeyId", accessKeyId);
      }
      g.writeStringField("userName", userName);
      if (sessionCreated > 0) {
        g.writeObjectFieldStart("sessionContext");
        g.writeObjectFieldStart("sessionIssuer");
        g.writeEndObject();
        g.writeObjectFieldStart("webIdFederationData");
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        g.writeStringField("creationDate", times.format(sessionCreated));
        g.writeStringField("mfaAuthenticated", mfa ? "true" : "false");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  /**
   * A session of an assumed role.
   *
   * @param roleId the role's unique id ({@code AROA...})
   * @param roleArn the role's ARN (with its path)
   * @param ec2RoleDelivery {@code 1.0} or {@code 2.0} for instance-profile sessions, else null
   * @param invokedBy the AWS service acting with the session, or null
   * @param sourceIdentity the source identity set on the session, or null
   */
  record RoleSession(String account, String roleName, String roleArn, String roleId, String sessionName,
      String accessKeyId, long created, boolean mfa, @Nullable String ec2RoleDelivery, @Nullable String invokedBy,
      @Nullable String sourceIdentity) implements Identity {
    @Override
    public String arn() {
      return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** The same session used by an AWS service on the caller's behalf. */
    public RoleSession invokedBy(String service) {
      return new RoleSession(account, roleName, roleArn, roleId, sessionName, accessKeyId, created, mfa,
          ec2RoleDelivery, service, sourceIdentity);
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "AssumedRole");
      g.writeStringField("principalId", roleId + ":" + sessionName);
      g.writeStringField("arn", arn());
      g.writeStringField("accountId", account);
      g.writeStringField("accessKeyId", accessKeyId);
      g.writeObjectFieldStart("sessionContext");
      g.writeObjectFieldStart("sessionIssuer");
      g.writeStringField("type", "Role");
      g.writeStringField("principalId", roleId);
      g.writeStringField("arn", roleArn);
      g.writeStringField("accountId", account);
      g.writeStringField("userName", roleName);
      g.writeEndObject();
      if (ec2RoleDelivery == null) {
        g.writeObjectFieldStart("webIdFederationData");
        g.writeEndObject();
      }
      g.writeObjectFieldStart("attributes");
      g.writeStringField("creationDate", times.format(created));
      g.writeStringField("mfaAuthenticated", mfa ? "true" : "false");
      g.writeEndObject();
      if (sourceIdentity != null) {
        g.writeStringField("sourceIdentity", sourceIdentity);
      }
      if (ec2RoleDelivery != null) {
        g.writeStringField("ec2RoleDelivery", ec2RoleDelivery);
      }
      g.writeEndObject();
      if (invokedBy != null) {
        g.writeStringField("invokedBy", invokedBy);
      }
      g.writeEndObject();
    }
  }

  /** An AWS service acting in the account on its own (assuming roles, using keys, sending events). */
  record AwsService(String service) implements Identity {
    @Override
    public String arn() {
      return service;
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "AWSService");
      g.writeStringField("invokedBy", service);
      g.writeEndObject();
    }
  }

  /** A user federated through SAML (IAM Identity Center), calling AssumeRoleWithSAML. */
  record SamlUser(String userName, String identityProvider) implements Identity {
    @Override
    public String arn() {
      return userName;
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "SAMLUser");
      g.writeStringField("principalId", identityProvider + ":" + userName);
      g.writeStringField("userName", userName);
      g.writeStringField("identityProvider", identityProvider);
      g.writeEndObject();
    }
  }

  /** A workload federated through OpenID Connect (a GitHub Actions job), calling AssumeRoleWithWebIdentity. */
  record WebIdentityUser(String providerArn, String subject, String audience) implements Identity {
    @Override
    public String arn() {
      return providerArn;
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "WebIdentityUser");
      g.writeStringField("principalId", providerArn + ":" + audience + ":" + subject);
      g.writeStringField("userName", subject);
      g.writeStringField("identityProvider", providerArn);
      g.writeEndObject();
    }
  }

  /** A principal of another AWS account outside the organisation (a vendor's integration). */
  record AwsAccount(String accountId, String principalId) implements Identity {
    @Override
    public String arn() {
      return "arn:aws:iam::" + accountId + ":root";
    }

    @Override
    public void write(JsonGenerator g, Timestamps times) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "AWSAccount");
      g.writeStringField("principalId", principalId);
      g.writeStringField("accountId", accountId);
      g.writeEndObject();
    }
  }
}
