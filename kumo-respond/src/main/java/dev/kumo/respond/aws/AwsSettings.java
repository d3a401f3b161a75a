package dev.kumo.respond.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * How {@link AwsClients} reach AWS.
 *
 * @param region the region of the EC2, S3, KMS and STS clients (IAM is global)
 * @param endpointOverride one endpoint for every service (tests, VPC endpoints); null for AWS's own
 * @param assumeRoleArn a role to assume for every call (the forensic account); null to act as the caller
 * @param externalId the external id the role's trust policy asks for; null when it asks for none
 * @param sessionName the STS session name, which CloudTrail records next to every call
 * @param maxAttempts SDK attempts per call, first try included (standard retry mode)
 * @param baseDelay the first backoff delay; later ones grow exponentially with jitter
 * @param maxDelay the cap on a single backoff delay
 * @param callsPerSecond the client-side rate limit across all services
 * @param burst how many calls may go at once before the rate limit applies
 */
public record AwsSettings(
    Region region,
    @Nullable URI endpointOverride,
    @Nullable String assumeRoleArn,
    @Nullable String externalId,
    String sessionName,
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    double callsPerSecond,
    int burst) {

  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(sessionName, "sessionName");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /** AWS endpoints, no role: 5 attempts, 100 ms to 20 s backoff, 10 calls a second with bursts of 10. */
  public static AwsSettings defaults(Region region) {
    return new AwsSettings(
        region, null, null, null, "kumo-respond", 5, Duration.ofMillis(100), Duration.ofSeconds(20), 10, 10);
  }

  public AwsSettings withEndpointOverride(@Nullable URI endpoint) {
    return new AwsSettings(region, endpoint, assumeRoleArn, externalId, sessionName, maxAttempts, baseDelay,
        maxDelay, callsPerSecond, burst);
  }

  public AwsSettings withAssumeRole(@Nullable String roleArn, @Nullable String roleExternalId) {
    return new AwsSettings(region, endpointOverride, roleArn, roleExternalId, sessionName, maxAttempts,
        baseDelay, maxDelay, callsPerSecond, burst);
  }

  public AwsSettings withRetries(int attempts, Duration base, Duration max) {
    return new AwsSettings(region, endpointOverride, assumeRoleArn, externalId, sessionName, attempts, base,
        max, callsPerSecond, burst);
  }

  public AwsSettings withRateLimit(double perSecond, int burstSize) {
    return new AwsSettings(region, endpointOverride, assumeRoleArn, externalId, sessionName, maxAttempts,
        baseDelay, maxDelay, perSecond, burstSize);
  }
}
