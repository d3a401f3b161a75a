/** Typed setting values (sizes, durations) with user-facing parsing. */
@NullMarked
package dev.kumo.config;

import org.jspecify.annotations.NullMarked;
