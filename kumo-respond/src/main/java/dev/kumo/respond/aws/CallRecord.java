package dev.kumo.respond.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One AWS API call that succeeded, for the custody ledger.
 *
 * @param service the SDK service name ({@code ec2}, {@code iam}, {@code sts}, {@code s3}, {@code kms})
 * @param operation the API operation as AWS names it ({@code CreateSnapshot})
 * @param requestId the request id AWS returned; {@code UNKNOWN} when the response carried none
 * @param outcome what the call made or changed (resource ids, states), in insertion order; values are raw
 *     AWS text, to be escaped by whoever prints them
 */
public record CallRecord(String service, String operation, String requestId, Map<String, String> outcome) {
  public CallRecord {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(requestId, "requestId");
    outcome = Collections.unmodifiableMap(new LinkedHashMap<>(outcome));
  }
}
