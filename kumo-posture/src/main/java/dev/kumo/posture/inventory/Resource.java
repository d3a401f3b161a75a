package dev.kumo.posture.inventory;

import java.util.Comparator;

/**
 * One cloud resource as the inventory saw it.
 *
 * @param kind Kumo's resource kind, {@code provider.service.type}, e.g. {@code aws.s3.bucket} (the kinds are
 *     listed in {@code docs/posture-facts.md})
 * @param id the provider's unique id: ARN, Azure resource id, GCP full resource name
 * @param name the short name people use
 * @param account AWS account id, Azure subscription id or GCP project id ("" when unknown)
 * @param region region or location ("" for global resources)
 * @param origin where it was read: file, and record or line
 */
public record Resource(Provider provider, String kind, String id, String name, String account, String region,
    Facts facts, String origin) {
  /** Provider, account, kind, region, id: the order of every report. */
  public static final Comparator<Resource> ORDER = Comparator.comparing(Resource::provider)
      .thenComparing(Resource::account).thenComparing(Resource::kind).thenComparing(Resource::region)
      .thenComparing(Resource::id);

  /** The service part of the kind, e.g. {@code s3} for {@code aws.s3.bucket}. */
  public String service() {
    String[] parts = kind.split("\\.", 3);
    return parts.length > 1 ? parts[1] : kind;
  }
}
