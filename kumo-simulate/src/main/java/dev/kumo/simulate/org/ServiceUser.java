package dev.kumo.simulate.org;

/**
 * An IAM user with long-term access keys that a machine uses (legacy integrations every
 * organisation still has).
 *
 * @param sourceIp where its calls come from
 * @param userAgent the SDK or CLI it uses
 * @param accessKeyId its current access key
 */
public record ServiceUser(String account, String userName, String id, String accessKeyId, String sourceIp,
    String userAgent, String purpose) {
  public String arn() {
    return "arn:aws:iam::" + account + ":user/" + userName;
  }
}
