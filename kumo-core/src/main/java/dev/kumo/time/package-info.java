/** Timestamp parsing for log records. */
@NullMarked
package dev.kumo.time;

import org.jspecify.annotations.NullMarked;
