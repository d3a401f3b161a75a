/**
 * Detectors over cost and usage exports (AWS CUR, FinOps FOCUS): robust statistics on daily cost
 * series, for resource hijacking that shows on the bill first (cryptomining, stolen GPU capacity).
 */
@NullMarked
package dev.kumo.detector.billing;

import org.jspecify.annotations.NullMarked;
