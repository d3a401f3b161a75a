package dev.kumo.simulate.scenario;

import dev.kumo.sigma.yaml.YNode;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A kind of log record a scenario step leaves, repeated {@code count} times {@code every} apart. */
public sealed interface ScenarioAction permits ScenarioAction.ApiCall, ScenarioAction.Flows, ScenarioAction.Billing,
    ScenarioAction.WebRequests, ScenarioAction.FileActivity {
  int count();

  Duration every();

  /** Time from the first record to the last. */
  default Duration span() {
    return every().multipliedBy(Math.max(0, count() - 1));
  }

  /**
   * CloudTrail API calls. String values in the bodies and resources may use {@code ${...}} variables (see
   * {@link Variables}).
   *
   * @param service the endpoint prefix ({@code s3}, {@code ec2}, {@code iam} ...)
   * @param region the region called, or null for the target estate's
   * @param data whether the calls are data events (S3 object calls)
   * @param errorCode the error of failed calls, or null
   */
  record ApiCall(String service, String name, int count, Duration every, @Nullable String region, boolean data,
      @Nullable YNode request, @Nullable YNode response, @Nullable String errorCode, @Nullable String errorMessage,
      List<ResourceSpec> resources) implements ScenarioAction {

    public ApiCall {
      resources = List.copyOf(resources);
    }
  }

  /** A resource of a CloudTrail event ({@code resources} array); values may use variables. */
  record ResourceSpec(String arn, String type) {}

  /**
   * VPC flow log records from the actor's instance.
   *
   * @param to {@code mining-pool} (a known mining pool address), {@code external} (addresses outside cloud
   *     ranges), or an IPv4 address
   * @param destinations distinct destinations the records are spread over
   * @param port the destination port; 0 for a random high port per record
   * @param protocol 6 (TCP) or 17 (UDP)
   */
  record Flows(String to, int destinations, int port, int protocol, long packets, long bytes, int count,
      Duration every) implements ScenarioAction {}

  /**
   * Daily cost and usage lines, one per day for {@code count} days.
   *
   * @param usageType without its region prefix ({@code BoxUsage:p4d.24xlarge})
   * @param region the region billed, or null for the target estate's
   * @param amount usage per day, in {@code unit}
   * @param rate price per unit in USD
   */
  record Billing(String productCode, String usageType, String operation, @Nullable String region, double amount,
      String unit, double rate, String instanceType, int count) implements ScenarioAction {
    @Override
    public Duration every() {
      return Duration.ofDays(1);
    }
  }

  /**
   * Requests to the attacked estate's public load balancer (ALB access log lines), from the actor's
   * address; the path may use variables.
   */
  record WebRequests(String method, String path, int status, String userAgent, int count, Duration every)
      implements ScenarioAction {}

  /**
   * File activity on a Linux file server (auditd records), by a process of the attacker.
   *
   * @param host the file server ({@code fs01} ...), or null for the organisation's first
   * @param activity {@code encrypt-rename} (each file renamed to a new extension) or {@code write-unlink} (an
   *     encrypted copy written, then the original unlinked)
   * @param extension the extension encrypted files get ({@code .encrypt})
   * @param exe the attacker's program, run as root
   */
  record FileActivity(@Nullable String host, String activity, String extension, String exe, int count,
      Duration every) implements ScenarioAction {}
}
