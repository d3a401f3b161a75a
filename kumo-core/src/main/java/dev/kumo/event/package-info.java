/**
 * The normalized event: one immutable record per log entry, aligned with OCSF, with the raw record
 * kept for field access by dotted path.
 */
@NullMarked
package dev.kumo.event;

import org.jspecify.annotations.NullMarked;
