/**
 * Synthetic cloud logs: a seeded, deterministic organisation's ordinary activity (people, pipelines,
 * AWS services, scheduled jobs) streamed to disk in each source's real delivery format. Entry point:
 * {@link dev.kumo.simulate.Simulation}.
 */
@NullMarked
package dev.kumo.simulate;

import org.jspecify.annotations.NullMarked;
