package dev.kumo.respond.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK v2 clients of one response: EC2, IAM, STS, S3, KMS, CloudTrail, SSM, Auto Scaling and ELBv2 for one region, sharing one HTTP client
 * (the JDK's URL connection), one credential provider, one retry strategy (standard mode, exponential
 * backoff with jitter, explicit attempts) and one client-side {@link TokenBucket} applied to every
 * attempt, retries included.
 *
 * <p>Credentials: the caller's are resolved by the SDK's default chain (environment, profiles, SSO,
 * container and instance roles) unless given. With {@link AwsSettings#assumeRoleArn()} every client acts
 * as that role (the forensic account), assumed through STS with the caller's credentials and refreshed
 * as it expires. Close the instance to release the HTTP client and credential refresh.
 */
public final class AwsClients implements AutoCloseable {
  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider baseCredentials;
  private final AwsCredentialsProvider credentials;
  private final TokenBucket rateLimit;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Ec2Client ec2;
  private final IamClient iam;
  private final StsClient sts;
  private final S3Client s3;
  private final KmsClient kms;
  private final CloudTrailClient cloudTrail;
  private final SsmClient ssm;
  private final AutoScalingClient autoScaling;
  private final ElasticLoadBalancingV2Client elbv2;

  private AwsClients(AwsSettings settings, AwsCredentialsProvider callerCredentials, TokenBucket rateLimit) {
    this.settings = settings;
    this.http = UrlConnectionHttpClient.builder().build();
    this.rateLimit = rateLimit;
    this.baseCredentials = callerCredentials;
    toClose.add(http);
    String roleArn = settings.assumeRoleArn();
    if (roleArn == null) {
      this.credentials = callerCredentials;
    } else {
      StsClient callerSts = configure(StsClient.builder(), settings.region(), callerCredentials).build();
      toClose.add(callerSts);
      StsAssumeRoleCredentialsProvider assumed =
          StsAssumeRoleCredentialsProvider.builder()
              .stsClient(callerSts)
              .refreshRequest(r -> {
                r.roleArn(roleArn).roleSessionName(settings.sessionName());
                if (settings.externalId() != null) {
                  r.externalId(settings.externalId());
                }
              })
              .build();
      toClose.add(assumed);
      this.credentials = assumed;
    }
    this.ec2 = add(configure(Ec2Client.builder(), settings.region(), credentials).build());
    this.iam = add(configure(IamClient.builder(), Region.AWS_GLOBAL, credentials).build());
    this.sts = add(configure(StsClient.builder(), settings.region(), credentials).build());
    this.s3 = add(configure(S3Client.builder(), settings.region(), credentials)
        .forcePathStyle(settings.endpointOverride() != null)
        .build());
    this.kms = add(configure(KmsClient.builder(), settings.region(), credentials).build());
    this.cloudTrail = add(configure(CloudTrailClient.builder(), settings.region(), credentials).build());
    this.ssm = add(configure(SsmClient.builder(), settings.region(), credentials).build());
    this.autoScaling = add(configure(AutoScalingClient.builder(), settings.region(), credentials).build());
    this.elbv2 = add(configure(ElasticLoadBalancingV2Client.builder(), settings.region(), credentials).build());
  }

  /** Clients with the SDK's default credential chain. */
  public static AwsClients create(AwsSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build(), Sleeper.SYSTEM);
  }

  /**
   * Clients acting with the given caller credentials (the role in the settings, if any, is assumed with
   * them); {@code sleeper} paces the rate limit.
   */
  public static AwsClients create(AwsSettings settings, AwsCredentialsProvider caller, Sleeper sleeper) {
    TokenBucket bucket =
        new TokenBucket(settings.callsPerSecond(), settings.burst(), System::nanoTime, sleeper);
    return new AwsClients(settings, caller, bucket);
  }

  public AwsSettings settings() {
    return settings;
  }

  /** The credentials every client signs with (the assumed role's when one is set). */
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** The caller's own credentials, before any role assumption. */
  public AwsCredentialsProvider callerCredentials() {
    return baseCredentials;
  }

  public Ec2Client ec2() {
    return ec2;
  }

  public IamClient iam() {
    return iam;
  }

  public StsClient sts() {
    return sts;
  }

  public S3Client s3() {
    return s3;
  }

  public KmsClient kms() {
    return kms;
  }

  public CloudTrailClient cloudTrail() {
    return cloudTrail;
  }

  public SsmClient ssm() {
    return ssm;
  }

  public AutoScalingClient autoScaling() {
    return autoScaling;
  }

  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing AWS clients failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private <C extends SdkClient> C add(C client) {
    toClose.add(client);
    return client;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, Region region, AwsCredentialsProvider provider) {
    builder
        .region(region)
        .credentialsProvider(provider)
        .overrideConfiguration(overrides());
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    URI endpoint = settings.endpointOverride();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  private ClientOverrideConfiguration overrides() {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxDelay());
    RetryStrategy retry =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(settings.maxAttempts())
            .backoffStrategy(backoff)
            .throttlingBackoffStrategy(backoff)
            .build();
    return ClientOverrideConfiguration.builder()
        .retryStrategy(retry)
        .addExecutionInterceptor(new RateLimit(rateLimit))
        .build();
  }

  /** Takes a token before every attempt, so that retries count against the limit too. */
  private record RateLimit(TokenBucket bucket) implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      try {
        bucket.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SdkClientException.create("interrupted while waiting for the rate limit", e);
      }
    }
  }
}
