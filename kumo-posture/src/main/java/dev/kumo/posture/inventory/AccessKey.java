package dev.kumo.posture.inventory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A long-lived credential of a user or service account (AWS access key, GCP user-managed key).
 *
 * @param created null when the export does not say
 * @param lastUsed null when never used or not known; see {@code neverUsed}
 * @param neverUsed true when the export says the key was never used
 */
public record AccessKey(String id, boolean active, @Nullable Instant created, @Nullable Instant lastUsed,
    boolean neverUsed) {}
