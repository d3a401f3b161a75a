package dev.kumo.respond.plan;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What EC2 DescribeImages says about an image.
 *
 * @param ownerId {@code OwnerId}
 * @param ownerAlias {@code ImageOwnerAlias} ({@code amazon}, {@code aws-marketplace}, ...), set by AWS, or null
 * @param created {@code CreationDate}
 * @param state {@code State} ({@code available}, {@code pending}, {@code deregistered}, ...)
 * @param deprecation {@code DeprecationTime}, or null when none is set
 */
public record ImageFacts(String imageId, String ownerId, @Nullable String ownerAlias, Instant created, String state,
    @Nullable Instant deprecation) {}
