/**
 * Detections written in Java, for what Sigma cannot say: behaviour baselines, robust statistics
 * over time series, state across many events and sources.
 *
 * <p>A {@link Detector} runs in two halves. {@link Detector#observe} sees each event on any worker
 * thread, in any order, and emits small {@link Observation}s. The hunt sorts all observations into
 * event-time order (spilling to disk when needed) and feeds them to one {@link DetectorState} per
 * detector, which raises {@link Alert}s. So results never depend on thread timing, state lives only
 * in the state objects (bounded, see {@link BoundedMap}), and the CLI and a streaming job run the
 * very same detectors.
 */
@NullMarked
package dev.kumo.detector;

import org.jspecify.annotations.NullMarked;
