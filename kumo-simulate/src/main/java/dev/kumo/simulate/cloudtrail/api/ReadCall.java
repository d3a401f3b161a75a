package dev.kumo.simulate.cloudtrail.api;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Body;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.org.Estate;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A read-only call (Describe, List, Get) as a template: its service, name, CLI command group, the
 * request it sends for an estate, and how often it finds nothing (a Get of a configuration that
 * is not set, answered with the service's not-found error). S3 bucket calls name a sub-resource
 * ({@code acl}, {@code policy} ...) and get S3's request shape.
 *
 * @param cli the CLI's command group ({@code ec2}, {@code s3api} ...)
 * @param global whether the service is global (logged in us-east-1)
 */
public record ReadCall(String service, String name, String cli, Need need, boolean global, Request request,
    @Nullable String notFoundCode, @Nullable String notFoundMessage, double notFoundRate,
    @Nullable String s3Subresource) {

  /** Builds the request body of a call for an estate, or null for calls without parameters. */
  @FunctionalInterface
  public interface Request {
    @Nullable Body build(Estate estate, SplittableRandom random);
  }

  /** The call made at {@code time} against {@code estate} by {@code who}. */
  public ApiEvent event(long time, Estate estate, Identity who, SplittableRandom random) {
    String region = global ? "us-east-1" : estate.region();
    ApiEvent e = new ApiEvent(time, estate.accountId(), region, who, service, name);
    if (s3Subresource != null) {
      S3Shapes.bucketCall(e, estate.buckets().get(random.nextInt(estate.buckets().size())), s3Subresource, random);
    } else {
      e.request(request.build(estate, random));
    }
    if (notFoundCode != null && random.nextDouble() < notFoundRate) {
      e.error(notFoundCode, notFoundMessage == null ? "" : notFoundMessage);
    }
    return e;
  }
}
