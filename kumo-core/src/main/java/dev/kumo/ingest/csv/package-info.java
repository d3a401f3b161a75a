/** Comma-separated values (RFC 4180) with a header row, as cost and usage exports are written. */
@NullMarked
package dev.kumo.ingest.csv;

import org.jspecify.annotations.NullMarked;
