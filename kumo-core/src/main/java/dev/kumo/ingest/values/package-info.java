/**
 * Small helpers that read values out of log records: non-empty text, numbers written as text,
 * timestamps in the forms exporters use, case-insensitive keys, and content-derived event ids.
 */
@NullMarked
package dev.kumo.ingest.values;

import org.jspecify.annotations.NullMarked;
