package dev.kumo.respond.plan;

import java.time.Instant;
import java.util.Set;

/**
 * Decides whether an image may be used to redeploy a compromised workload. An image is refused when it is not
 * {@code available}, when it is deprecated at {@code now}, when it was created at or after the compromise start
 * (it may carry the attacker's changes), or when its owner is not trusted.
 *
 * <p>Trusted owners are the account ids in {@code trustedOwners}, plus images whose {@code ImageOwnerAlias} is
 * {@code amazon}: AWS sets that alias on its own public images and nobody else can. {@code aws-marketplace}
 * and {@code aws-backup-vault} images are not trusted by alias: marketplace images are published by third parties
 * and backup-vault images are copies of whatever was backed up; trust their owner account explicitly if wanted.
 */
public final class ImageProvenance {
  /** The owner alias trusted without being listed. */
  public static final String AMAZON = "amazon";

  /** The outcome: {@code ok}, and why in words either way. */
  public record Verdict(boolean ok, String reason) {}

  private ImageProvenance() {}

  /** Checks {@code image} against the compromise start and the trusted owners, at time {@code now}. */
  public static Verdict check(ImageFacts image, Instant compromiseStart, Set<String> trustedOwners, Instant now) {
    String id = image.imageId();
    if (!"available".equals(image.state())) {
      return new Verdict(false, id + " is " + image.state() + ", not available");
    }
    if (image.deprecation() != null && !image.deprecation().isAfter(now)) {
      return new Verdict(false, id + " is deprecated since " + image.deprecation());
    }
    if (!image.created().isBefore(compromiseStart)) {
      return new Verdict(false, id + " was created " + image.created() + ", not before the compromise started ("
          + compromiseStart + "): it may carry the attacker's changes");
    }
    boolean amazon = AMAZON.equals(image.ownerAlias());
    if (!amazon && !trustedOwners.contains(image.ownerId())) {
      return new Verdict(false, id + " is owned by " + image.ownerId()
          + (image.ownerAlias() == null ? "" : " (" + image.ownerAlias() + ")")
          + ", not a trusted account " + trustedOwners.stream().sorted().toList());
    }
    return new Verdict(true, id + " was created " + image.created() + ", before the compromise started ("
        + compromiseStart + "), and is owned by " + (amazon ? "Amazon (alias amazon)" : "trusted account "
        + image.ownerId()));
  }
}
