/** Detectors about compute: launches that look like resource hijacking (cryptomining, LLM and GPU abuse). */
@NullMarked
package dev.kumo.detector.compute;

import org.jspecify.annotations.NullMarked;
