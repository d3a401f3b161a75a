package dev.kumo.respond.run;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a run needs beyond the plan.
 *
 * @param optionalSteps ids of optional steps asked for (e.g. {@code memory}); the others are not run and count
 *     as met preconditions
 * @param forensicKmsKey the forensic account's KMS key for the snapshot copies; null makes the copy manual
 * @param trustedImageOwners accounts whose images may be redeployed (besides Amazon's own)
 * @param lockDays how long the forensic copies are locked (compliance mode)
 * @param sharingKmsKey a customer managed key of the compromised account that the forensic account may use:
 *     snapshots under the default EBS key are first copied re-encrypted with it, since those cannot be shared;
 *     null makes such a copy fail with the reason
 * @param evidenceBucket the bucket the memory image is uploaded to; null makes memory capture manual
 * @param maxLogEvents the most events or findings one log query collects; more are cut, with a note
 */
public record RunOptions(Set<String> optionalSteps, @Nullable String forensicKmsKey, Set<String> trustedImageOwners,
    int lockDays, @Nullable String sharingKmsKey, @Nullable String evidenceBucket, int maxLogEvents) {
  /** The default for {@link #maxLogEvents}. */
  public static final int DEFAULT_MAX_LOG_EVENTS = 10_000;

  public RunOptions {
    optionalSteps = Set.copyOf(optionalSteps);
    trustedImageOwners = Set.copyOf(trustedImageOwners);
    if (lockDays < 1) {
      throw new IllegalArgumentException("lockDays must be at least 1: " + lockDays);
    }
    if (maxLogEvents < 1) {
      throw new IllegalArgumentException("maxLogEvents must be at least 1: " + maxLogEvents);
    }
  }

  /** No sharing key, no evidence bucket, {@value #DEFAULT_MAX_LOG_EVENTS} log events at most. */
  public RunOptions(Set<String> optionalSteps, @Nullable String forensicKmsKey, Set<String> trustedImageOwners,
      int lockDays) {
    this(optionalSteps, forensicKmsKey, trustedImageOwners, lockDays, null, null, DEFAULT_MAX_LOG_EVENTS);
  }

  /** No optional step, no forensic key, no trusted owner, a 365-day lock. */
  public static RunOptions defaults() {
    return new RunOptions(Set.of(), null, Set.of(), 365);
  }
}
