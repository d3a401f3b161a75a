/**
 * Continuous monitoring ({@code kumo serve}): live inputs spooled durably and loaded into a case exactly once,
 * alert outputs, health and metrics, and the web console over the case.
 */
@NullMarked
package dev.kumo.serve;

import org.jspecify.annotations.NullMarked;
