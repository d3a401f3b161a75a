package dev.kumo.simulate.org;

/**
 * An IAM role of an account.
 *
 * @param path the role path ({@code /}, {@code /aws-service-role/autoscaling.amazonaws.com/} ...)
 * @param id its unique id ({@code AROA...})
 */
public record Role(String account, String name, String path, String id) {
  public String arn() {
    return "arn:aws:iam::" + account + ":role" + path + name;
  }
}
