package dev.kumo.investigate.report;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One load of the case (a row of its {@code loads} table).
 *
 * @param loadId the load's number
 * @param started when the load started
 * @param finished when it finished, or null if it did not
 * @param eventsAdded events new to the case
 * @param findingsAdded findings new to the case
 */
public record CaseLoad(int loadId, Instant started, @Nullable Instant finished, long eventsAdded,
    long findingsAdded) {}
