/** Detectors over the analyst's threat intelligence: indicators of compromise matched in every source. */
@NullMarked
package dev.kumo.detector.intel;

import org.jspecify.annotations.NullMarked;
