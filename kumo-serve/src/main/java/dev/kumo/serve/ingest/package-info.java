/**
 * Live ingest of {@code kumo serve}: inputs (HTTP push, a watched directory) write raw log records as
 * units of a durable {@link dev.kumo.serve.ingest.Spool}; one {@link dev.kumo.serve.ingest.Loader} hunts the
 * oldest units into the case and removes them only after the case committed them, so every event
 * reaches the case exactly once across crashes and restarts (the case drops event ids it already has).
 */
@NullMarked
package dev.kumo.serve.ingest;

import org.jspecify.annotations.NullMarked;
