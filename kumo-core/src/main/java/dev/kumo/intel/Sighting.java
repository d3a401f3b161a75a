package dev.kumo.intel;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An indicator seen in the logs: how often, when first and last, by what and where.
 *
 * @param indicator the indicator that matched
 * @param count how many events matched it (at least 1)
 * @param firstSeen the earliest matching event's time
 * @param lastSeen the latest matching event's time
 * @param observedBy what saw it (a log source or detector name)
 * @param where the account, project or subscription it was seen in, or null
 */
public record Sighting(Indicator indicator, long count, Instant firstSeen, Instant lastSeen, String observedBy,
    @Nullable String where) implements Serializable {}
