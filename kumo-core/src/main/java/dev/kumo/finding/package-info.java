/**
 * Findings: what a rule matched, with the rule's credit and ATT&CK context and the key fields of the
 * event. Includes the versioned output schema, a deterministic order, and bounded-memory sorting.
 */
@NullMarked
package dev.kumo.finding;

import org.jspecify.annotations.NullMarked;
