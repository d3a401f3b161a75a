package dev.kumo.simulate.scenario;

import org.jspecify.annotations.Nullable;

/**
 * Ground truth for one event a scenario wrote: which step of which scenario made it. Written as one line of
 * {@code .simulate/labels.jsonl} (schema {@code kumo.labels/1}).
 *
 * @param eventId the event's id as Kumo reads it (CloudTrail's {@code eventID}), or null for sources
 *     without ids, which are found by {@code file} and {@code line}
 * @param file the file the event is in, relative to the output folder, or null when {@code eventId} is set
 * @param line its 1-based line in the uncompressed file, or 0
 * @param time event time, epoch milliseconds
 */
public record Label(@Nullable String eventId, @Nullable String file, long line, String source, long time,
    Scenario scenario, Scenario.Step step) {}
