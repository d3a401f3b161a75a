package dev.kumo.posture.deadspot;

/**
 * A cloud service Kumo knows.
 *
 * @param id {@code provider.service}, the first two parts of the service's resource kinds (e.g. {@code aws.ec2})
 */
public record Service(String id, String title, ServiceModel model) {}
