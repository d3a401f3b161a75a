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
 */
public record RunOptions(Set<String> optionalSteps, @Nullable String forensicKmsKey, Set<String> trustedImageOwners,
    int lockDays) {
  public RunOptions {
    optionalSteps = Set.copyOf(optionalSteps);
    trustedImageOwners = Set.copyOf(trustedImageOwners);
    if (lockDays < 1) {
      throw new IllegalArgumentException("lockDays must be at least 1: " + lockDays);
    }
  }

  /** No optional step, no forensic key, no trusted owner, a 365-day lock. */
  public static RunOptions defaults() {
    return new RunOptions(Set.of(), null, Set.of(), 365);
  }
}
