package dev.kumo.intel.taxii;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one object pull fetched.
 *
 * @param objects how many objects the pages held
 * @param pages how many pages (requests) it took
 * @param lastAdded the latest {@code X-TAXII-Date-Added-Last} the server sent, never earlier than the
 *     {@code addedAfter} the pull started from (so an empty pull keeps it); store it and pass it as
 *     {@code addedAfter} next time. Null only when neither is known.
 * @param truncated whether a safety limit (pages, objects) stopped the pull although the server had
 *     more; pulling again from {@code lastAdded} continues it
 */
public record PullResult(long objects, int pages, @Nullable Instant lastAdded, boolean truncated) {}
