/**
 * Investigation over a case: timelines that follow identity chains, and the incidents report. Reads
 * the case through {@link dev.kumo.casestore.CaseQuery} only (read-only).
 */
@NullMarked
package dev.kumo.investigate;

import org.jspecify.annotations.NullMarked;
