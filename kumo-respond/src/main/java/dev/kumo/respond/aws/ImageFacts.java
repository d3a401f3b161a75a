package dev.kumo.respond.aws;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What DescribeImages says about an image, as the redeploy's provenance check needs it.
 *
 * @param creationDate when the image was created (AWS's {@code creationDate})
 * @param ownerId the account that owns the image
 * @param state {@code available}, {@code pending}, {@code failed}, …
 * @param deprecationTime when the image is or was deprecated; null when never
 * @param name the image name; empty when it has none
 * @param calls the DescribeImages call, for the ledger
 */
public record ImageFacts(
    String imageId,
    Instant creationDate,
    String ownerId,
    String state,
    @Nullable Instant deprecationTime,
    String name,
    List<CallRecord> calls) {
  public ImageFacts {
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(name, "name");
    calls = List.copyOf(calls);
  }
}
