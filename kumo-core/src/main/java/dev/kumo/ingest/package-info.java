/**
 * Reading log files: discovery, decompression, record framing with limits, per-source
 * normalization, and the accounting of every record that could not be read.
 */
@NullMarked
package dev.kumo.ingest;

import org.jspecify.annotations.NullMarked;
