package dev.kumo.serve.alert;

import org.jspecify.annotations.Nullable;

/**
 * Counts of one output since start.
 *
 * @param delivered alerts the receiver accepted
 * @param failed alerts given up after the last attempt (or refused permanently)
 * @param retried attempts that were retried
 * @param deduplicated alerts held back by deduplication (their count travels in a follow-up)
 * @param rateLimited alerts held back by the rate limit (their count travels in a summary)
 * @param dropped alerts lost because the queue was full or shutdown came before delivery
 * @param queued alerts waiting now
 * @param lastError the last delivery error, or null
 */
public record AlertStats(String output, long delivered, long failed, long retried, long deduplicated,
    long rateLimited, long dropped, int queued, @Nullable String lastError) {}
