package dev.kumo.casestore;

import java.time.Duration;

/**
 * What one load added to a case.
 *
 * @param loadId the load's number in the case's {@code loads} table
 * @param eventsSeen events the hunt handed over
 * @param eventsAdded events new to the case (the rest were already there, by id)
 * @param findingsSeen findings the hunt reported
 * @param findingsAdded findings new to the case
 * @param linksAdded identity links (session-issuing STS calls) new to the case
 * @param incidents incidents in the case after the load (recomputed from all its findings)
 * @param elapsed from opening the case to the end of the load
 */
public record LoadStats(int loadId, long eventsSeen, long eventsAdded, long findingsSeen, long findingsAdded,
    long linksAdded, int incidents, Duration elapsed) {}
