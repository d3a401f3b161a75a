package dev.kumo.respond.plan;

import java.util.Map;

/**
 * One call a step makes: the API operation with its parameters, and the equivalent command line.
 *
 * <p>Parameter values of the form {@code ${name}} are placeholders for values only known at run time (e.g.
 * {@code ${volumes}} from DescribeInstances); a placeholder naming a list means one call per element. The plan
 * explains each placeholder it uses ({@link Plan#placeholders()}). List and structure values are written in AWS CLI
 * shorthand ({@code Name=instance-id,Values=i-0abc}); a space separates list elements.
 *
 * <p>Two keys are not request parameters: {@code @account} names the account the call is made in (with a role
 * assumed there, e.g. the forensic account), {@code @regions} a placeholder for the regions the call is repeated
 * in. Without {@code @account} a call is made with the responder's own credentials in the target account.
 *
 * @param service the API service ({@code ec2}, {@code iam}, ...; {@code az} or {@code gcloud} for text plans)
 * @param operation the API operation ({@code CreateSnapshot}) or, for Azure and GCP, the command group
 * @param parameters the request parameters in request order (AWS query-protocol names)
 * @param cli the equivalent command line, values shell-quoted
 */
public record ApiCall(String service, String operation, Map<String, String> parameters, String cli) {
  public ApiCall {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** {@code service Operation Key=value ...}, e.g. {@code ec2 CreateSnapshot VolumeId=${volumes}}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(service).append(' ').append(operation);
    parameters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
