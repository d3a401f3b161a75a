package dev.kumo.serve.reports;

/**
 * The resource a posture result is about, as the report gives it ({@code ""} where the report has nothing).
 *
 * @param provider {@code aws}, {@code azure} or {@code gcp} (lower case)
 * @param kind Kumo's resource kind, e.g. {@code aws.s3.bucket}
 * @param id the provider's id (ARN, Azure resource id, GCP full name)
 */
public record ReportResource(String provider, String kind, String id, String name, String account, String region,
    String origin) {}
