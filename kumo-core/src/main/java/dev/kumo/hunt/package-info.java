/**
 * A hunt: read inputs in parallel, detect, correlate in event time, and collect findings and a
 * summary. Used by {@code kumo hunt}, {@code kumo demo} and {@code kumo bench}.
 */
@NullMarked
package dev.kumo.hunt;

import org.jspecify.annotations.NullMarked;
