package dev.kumo.serve.ingest.sqs;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the S3 + SQS input. Credentials are never configured here: they come from the AWS SDK's
 * default provider chain (environment, profile, SSO, container or instance role).
 *
 * @param queueUrl the SQS queue's URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME})
 * @param region the AWS region of the queue and the buckets (for example {@code us-east-1})
 * @param endpoint one endpoint for both SQS and S3 (path-style S3 requests) instead of AWS's own, for
 *     tests and S3-compatible stores; null for AWS (VPC interface endpoints resolve through DNS)
 * @param waitSeconds the long-poll wait of ReceiveMessage, 0 to 20
 * @param maxObjectBytes the largest object fetched; a larger one is refused (see {@code deleteMalformed})
 * @param deleteMalformed delete messages that can never be processed (not a notification, or naming an
 *     object over the size limit) after counting and reporting them; when false they stay on the queue
 *     for its redrive policy (dead-letter queue)
 * @param visibilityTimeout how long received messages stay hidden from other consumers, 0 s to 12 h;
 *     null for the queue's own setting
 */
public record SqsConfig(String queueUrl, String region, @Nullable URI endpoint, int waitSeconds,
    long maxObjectBytes, boolean deleteMalformed, @Nullable Duration visibilityTimeout) {
  /** The long-poll wait AWS allows at most, and the default. */
  public static final int MAX_WAIT_SECONDS = 20;
  /** The default object size limit: 256 MiB (CloudTrail files are far smaller). */
  public static final long DEFAULT_MAX_OBJECT_BYTES = 256L * 1024 * 1024;

  public SqsConfig {
    if (queueUrl.isBlank()) {
      throw new IllegalArgumentException("the SQS queue URL is required");
    }
    URI parsed;
    try {
      parsed = URI.create(queueUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the SQS queue URL is not a URL: " + e.getMessage(), e);
    }
    if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("the SQS queue URL must be an http(s) URL");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("the AWS region is required");
    }
    if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
      throw new IllegalArgumentException("the SQS wait must be 0 to 20 seconds, got " + waitSeconds);
    }
    if (maxObjectBytes <= 0) {
      throw new IllegalArgumentException("the object size limit must be positive, got " + maxObjectBytes);
    }
    if (visibilityTimeout != null
        && (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(Duration.ofHours(12)) > 0)) {
      throw new IllegalArgumentException("the visibility timeout must be 0 s to 12 h, got " + visibilityTimeout);
    }
  }

  /** Defaults for a queue: 20 s long polls, 256 MiB objects, malformed messages left to the redrive policy. */
  public static SqsConfig of(String queueUrl, String region) {
    return new SqsConfig(queueUrl, region, null, MAX_WAIT_SECONDS, DEFAULT_MAX_OBJECT_BYTES, false, null);
  }
}
