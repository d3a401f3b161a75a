/**
 * The posture and dead-spot reports the CLI writes ({@code kumo posture --format json}, schema
 * {@code kumo.posture/1}; {@code kumo dead-spots --format json}, schema {@code kumo.dead-spots/1}), read for the
 * console: validated, re-read when the file changes, the last good version kept when a new one is unreadable.
 * Every value read is attacker-controlled text; escape it where it is shown.
 */
@NullMarked
package dev.kumo.serve.reports;

import org.jspecify.annotations.NullMarked;
