package dev.kumo.simulate.cloudtrail;

/** The error codes and messages services return, in each service's own words. */
public final class Errors {
  private Errors() {}

  /** The caller lacks permission for the call. */
  public static ApiEvent accessDenied(ApiEvent e, String resourceArn) {
    String action = action(e);
    String who = e.identity().arn();
    return switch (service(e)) {
      case "ec2" -> e.error("Client.UnauthorizedOperation", "You are not authorized to perform this operation. User: "
          + who + " is not authorized to perform: " + action + " because no identity-based policy allows the " + action
          + " action");
      case "s3" -> e.error("AccessDenied", "Access Denied");
      case "kms", "secretsmanager", "ssm", "lambda", "ecs", "eks", "logs", "cloudtrail", "config", "guardduty",
          "securityhub", "dynamodb", "ce", "athena", "tagging", "health" ->
          e.error("AccessDeniedException", "User: " + who + " is not authorized to perform: " + action
              + " on resource: " + resourceArn + " because no identity-based policy allows the " + action + " action");
      default -> e.error("AccessDenied", "User: " + who + " is not authorized to perform: " + action + " on resource: "
          + resourceArn + " because no identity-based policy allows the " + action + " action");
    };
  }

  /** The service throttled the caller. */
  public static ApiEvent throttled(ApiEvent e) {
    return switch (service(e)) {
      case "ec2" -> e.error("Client.RequestLimitExceeded", "Request limit exceeded.");
      case "iam", "sts", "cloudformation", "autoscaling", "elasticloadbalancing", "monitoring", "rds", "sns", "sqs",
          "route53" -> e.error("Throttling", "Rate exceeded");
      case "s3" -> e.error("SlowDown", "Please reduce your request rate.");
      default -> e.error("ThrottlingException", "Rate exceeded");
    };
  }

  /** The IAM action of the event: {@code ec2:DescribeInstances}. */
  static String action(ApiEvent e) {
    String name = e.eventName();
    int digits = 0;
    while (digits < name.length() && !Character.isDigit(name.charAt(digits))) {
      digits++;
    }
    String prefix = switch (service(e)) {
      case "monitoring" -> "cloudwatch";
      case "elasticloadbalancing" -> "elasticloadbalancing";
      case "ec2messages" -> "ec2messages";
      default -> service(e);
    };
    return prefix + ":" + name.substring(0, digits);
  }

  private static String service(ApiEvent e) {
    String s = e.eventSource();
    return s.substring(0, s.indexOf('.'));
  }
}
